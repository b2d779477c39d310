package org.zstack.header.errorcode;

/** The kernel's error codes; descriptions live in conf/errorCodes/sys.xml. */
public enum SysErrors {
    INTERNAL(1000),
    TIMEOUT(1001),
    OPERATION_ERROR(1006),
    INVALID_ARGUMENT_ERROR(1007),
    MANAGEMENT_NODE_UNAVAILABLE_ERROR(1012),
    RESOURCE_NOT_FOUND(1014),
    CANCEL_ERROR(1017),
    MANAGEMENT_NODE_STOPPED(1020);

    private final String code;

    SysErrors(int id) {
        code = String.format("SYS.%s", id);
    }

    @Override
    public String toString() {
        return code;
    }
}
