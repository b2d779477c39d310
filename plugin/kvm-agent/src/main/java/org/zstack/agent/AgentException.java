package org.zstack.agent;

/**
 * An expected failure of a command (bad input, missing interface, a failed mount). Its message goes to the
 * management node unchanged and is logged on one line, without a stack trace, because it is not a bug.
 */
public class AgentException extends RuntimeException {
    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
