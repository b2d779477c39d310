package org.zstack.core.rest;

import com.google.gson.JsonObject;
import org.zstack.header.core.ReturnValueCompletion;

import java.util.Map;
import java.util.function.Function;

/**
 * How the node talks to agents (ZStack's agent protocol): a JSON POST carrying taskuuid and callbackurl headers,
 * answered at once by the agent and completed later by the agent's POST to /zstack/asyncrest/callback. Agents
 * push unsolicited commands (progress reports) to /zstack/asyncrest/sendcommand with a commandpath header.
 * Both directions are signed with the host's secret (AgentRequestSigner, AgentSecretProvider); an agent's call that
 * is not is answered 401 and does nothing.
 */
public interface RESTFacade {
    String CALLBACK_PATH = "/asyncrest/callback";
    String SEND_COMMAND_PATH = "/asyncrest/sendcommand";

    /**
     * Completes with the agent's JSON response; SYS.1001 when no callback comes within timeoutMs. The command is
     * signed with hostUuid's secret, and only a callback signed with it completes the call.
     */
    void asyncJsonPost(String hostUuid, String url, Object cmd, Map<String, String> headers, long timeoutMs,
                       ReturnValueCompletion<JsonObject> completion);

    /** The URL agents send commands to, known once the REST server listens. */
    String getSendCommandUrl();

    /** Handles agent-pushed commands of one commandpath; the function's result is the HTTP answer. */
    <T> void registerSyncHttpCallHandler(String commandPath, Class<T> cmdClass, Function<T, Object> handler);
}
