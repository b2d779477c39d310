package org.zstack.header.errorcode;

/** Thrown by synchronous code to end an operation with a ZStack error; turned into an error reply, never a trace. */
public class OperationFailureException extends RuntimeException {
    private final ErrorCode errorCode;

    public OperationFailureException(ErrorCode errorCode) {
        super(errorCode.toString());
        this.errorCode = errorCode;
    }

    public ErrorCode getErrorCode() {
        return errorCode;
    }
}
