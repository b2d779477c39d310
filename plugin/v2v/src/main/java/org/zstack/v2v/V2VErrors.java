package org.zstack.v2v;

/** V2V.* error codes; descriptions in conf/errorCodes/v2v.xml. */
public enum V2VErrors {
    CONVERSION_HOST_NOT_READY(1000),
    STORAGE_PATH_NOT_USABLE(1001),
    TOOLS_MISSING(1002),
    DUPLICATE_CONVERSION_HOST(1003),
    INVALID_MIGRATION(1004),
    SOURCE_VM_NOT_FOUND(1005),
    SOURCE_VM_BEING_MIGRATED(1006),
    NOT_ENOUGH_SPACE(1007),
    SOURCE_FAILED(1008),
    TRANSFER_FAILED(1009),
    CONVERT_FAILED(1010),
    TARGET_FAILED(1011),
    TASK_RUNNING(1012),
    INVALID_LIBVIRT_URI(1013),
    KVM_SOURCE_UNREACHABLE(1014),
    UNSUPPORTED_SOURCE_DISK(1015),
    /** Answered by the agents themselves (AllowedRoots.PATH_NOT_ALLOWED): the node only passes the code on. */
    PATH_NOT_ALLOWED(1020),
    NOT_A_PLAIN_NAME(1021),
    /** The job's log cannot be read: its conversion host is gone or not connected, or the log is not there. */
    JOB_LOG_UNAVAILABLE(1022),
    /** Refused at submission: a source disk of a kind the migration cannot copy faithfully (see README). */
    INDEPENDENT_DISK(1050),
    RAW_DEVICE_MAPPING(1051),
    SHARED_DISK(1052),
    ENCRYPTED_VM(1053),
    MEDIA_CONNECTED(1054);

    private final String code;

    V2VErrors(int id) {
        code = String.format("V2V.%d", id);
    }

    @Override
    public String toString() {
        return code;
    }
}
