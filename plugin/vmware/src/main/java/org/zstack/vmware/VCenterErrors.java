package org.zstack.vmware;

/** VCENTER.* error codes; descriptions in conf/errorCodes/vmware.xml. */
public enum VCenterErrors {
    UNREACHABLE(1000),
    LOGIN_FAILED(1001),
    NOT_VCENTER(1002),
    CERTIFICATE_CHANGED(1003),
    DUPLICATE_VCENTER(1004),
    SYNC_FAILED(1005),
    VCENTER_DISABLED(1006),
    SAME_VCENTER(1200),
    RECORDS_CONFLICT(1201),
    RECORDS_NOT_STORED(1202);

    private final String code;

    VCenterErrors(int id) {
        code = String.format("VCENTER.%d", id);
    }

    @Override
    public String toString() {
        return code;
    }
}
