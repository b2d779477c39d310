package org.zstack.header.identity;

/** ID.1001: the session is missing, unknown or expired. */
public enum IdentityErrors {
    INVALID_SESSION(1001),
    AUTHENTICATION_ERROR(1000);

    private final String code;

    IdentityErrors(int id) {
        code = String.format("ID.%d", id);
    }

    @Override
    public String toString() {
        return code;
    }
}
