package org.zstack.agent;

/**
 * The base of every answer, as ZStack's KVMAgentCommands.AgentResponse: {@code success} (default true) and
 * {@code error}. Field names are the wire format; the management node reads them with Gson.
 */
public class AgentResponse {
    private boolean success = true;
    private String error;

    public boolean isSuccess() {
        return success;
    }

    public void setSuccess(boolean success) {
        this.success = success;
    }

    public String getError() {
        return error;
    }

    /** Setting an error also flips success, as ZStack does, so no handler can report "ok" with an error. */
    public void setError(String error) {
        this.error = error;
        this.success = error == null;
    }

    public static AgentResponse error(String error) {
        AgentResponse rsp = new AgentResponse();
        rsp.setError(error);
        return rsp;
    }

    /** A failure with the ZStack error code the node reports it with; only such answers carry {@code errorCode}. */
    public static AgentResponse error(String error, String errorCode) {
        if (errorCode == null) {
            return error(error);
        }
        Coded rsp = new Coded();
        rsp.setError(error);
        rsp.errorCode = errorCode;
        return rsp;
    }

    public static class Coded extends AgentResponse {
        public String errorCode;
    }
}
