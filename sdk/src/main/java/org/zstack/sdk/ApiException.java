package org.zstack.sdk;

/**
 * Thrown for mistakes the SDK catches before sending anything (a missing or invalid parameter, no
 * configuration, no credentials), and by {@link ActionResult#throwExceptionIfError()}.
 */
public class ApiException extends RuntimeException {
    private final ErrorCode errorCode;

    public ApiException(String message) {
        super(message);
        this.errorCode = null;
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
        this.errorCode = null;
    }

    public ApiException(ErrorCode errorCode) {
        super(String.valueOf(errorCode));
        this.errorCode = errorCode;
    }

    /** The server's (or the SDK's) error when thrown for a failed call, else null. */
    public ErrorCode getErrorCode() {
        return errorCode;
    }
}
