package org.zstack.header.longjob;

public enum LongJobErrors {
    CANCELED(1000),
    NOT_FOUND(1001),
    INTERRUPTED(1002),
    NOT_SUPPORTED(1003),
    INVALID_STATE(1004);

    private final String code;

    LongJobErrors(int id) {
        code = String.format("LONG_JOB.%d", id);
    }

    @Override
    public String toString() {
        return code;
    }
}
