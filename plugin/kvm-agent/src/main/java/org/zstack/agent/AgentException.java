package org.zstack.agent;

/**
 * An expected failure of a command (bad input, missing interface, a failed mount). Its message goes to the
 * management node unchanged and is logged on one line, without a stack trace, because it is not a bug.
 */
public class AgentException extends RuntimeException {
    /** The ZStack error code the node reports this refusal with (e.g. V2V.1020); null: the node's generic one. */
    private String errorCode;

    public AgentException(String message) {
        super(message);
    }

    /** A refusal the node tells apart by its code, such as a path outside the host's roots. */
    public static AgentException coded(String errorCode, String message) {
        AgentException e = new AgentException(message);
        e.errorCode = errorCode;
        return e;
    }

    public String errorCode() {
        return errorCode;
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
