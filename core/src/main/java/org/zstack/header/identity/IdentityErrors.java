package org.zstack.header.identity;

/** ID.1001: the session is missing, unknown or expired. */
public enum IdentityErrors {
    INVALID_SESSION(1001),
    AUTHENTICATION_ERROR(1000),
    /** Too many failed logins of one account from one address: refused, right password or not, for a while. */
    LOGIN_LOCKED(1030),
    WRONG_OLD_PASSWORD(1031),
    ACCOUNT_UPDATE_REFUSED(1032),
    /** An access-key signature is accepted once. */
    SIGNATURE_REPLAYED(1033);

    private final String code;

    IdentityErrors(int id) {
        code = String.format("ID.%d", id);
    }

    @Override
    public String toString() {
        return code;
    }
}
