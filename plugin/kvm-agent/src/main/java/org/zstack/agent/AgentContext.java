package org.zstack.agent;

import java.util.Map;

/** What a handler may know and do beyond its command: one object per request. */
public interface AgentContext {
    /** The request path, e.g. {@code /host/connect}. */
    String path();

    /** The {@code taskuuid} header of an async request; null for a sync one. */
    String taskUuid();

    /** The {@code X-Resource-UUID} header (the host's uuid as the node knows it); may be null. */
    String resourceUuid();

    AgentConfig config();

    /** The directories the node registered for this host: every path a command touches is checked against them. */
    AllowedRoots allowedRoots();

    /** The host uuid of the last successful {@code /host/connect} since this agent started; null before. */
    String connectedHostUuid();

    /** The node's {@code sendcommand} URL learned at connect; null before connect. */
    String sendCommandUrl();

    /**
     * Records a successful connect. Kept in memory only: after a restart the agent must not claim to be
     * connected, so that the node's ping sees a null uuid and reconnects.
     */
    void markConnected(String hostUuid, String sendCommandUrl);

    /**
     * Posts {@code {"apiId","progress","detail"}} (plus {@code taskName} when given) to the node's sendCommandUrl
     * with header {@code commandpath: /progress/report}. Best effort: a failure is logged and never fails the
     * command, since the next report supersedes it.
     *
     * @return true when the node answered 2xx
     */
    boolean reportProgress(String apiId, int percent, String taskName, Map<String, Object> detail);

    default boolean reportProgress(String apiId, int percent, Map<String, Object> detail) {
        return reportProgress(apiId, percent, null, detail);
    }
}
