package org.zstack.sdk;

/** How one API is reached: method, path below /v1, and how its answer comes back. */
public class RestInfo {
    public String httpMethod;
    /** Below /v1, e.g. "/zones/{uuid}/actions"; {name} is filled from the action's field of that name. */
    public String path;
    /** False for the few APIs that work without a session (login, logout, session validation). */
    public boolean needSession = true;
    /** True when the server answers 202 and the result has to be polled from /v1/api-jobs. */
    public boolean needPoll;
    /** The body's single key: "params" for creates, the action name for PUT actions. */
    public String parameterName;

    public RestInfo() {
    }

    public RestInfo(String httpMethod, String path, boolean needSession, boolean needPoll, String parameterName) {
        this.httpMethod = httpMethod;
        this.path = path;
        this.needSession = needSession;
        this.needPoll = needPoll;
        this.parameterName = parameterName;
    }
}
