package org.zstack.core.rest;

import com.google.gson.JsonObject;
import org.zstack.header.core.ReturnValueCompletion;

import java.util.Map;
import java.util.function.Function;

/**
 * How the node talks to agents (ZStack's agent protocol): a JSON POST carrying taskuuid and callbackurl headers,
 * answered at once by the agent and completed later by the agent's POST to /zstack/asyncrest/callback. Agents
 * push unsolicited commands (progress reports) to /zstack/asyncrest/sendcommand with a commandpath header.
 */
public interface RESTFacade {
    String CALLBACK_PATH = "/asyncrest/callback";
    String SEND_COMMAND_PATH = "/asyncrest/sendcommand";

    /** Completes with the agent's JSON response; SYS.1001 when no callback comes within timeoutMs. */
    void asyncJsonPost(String url, Object cmd, Map<String, String> headers, long timeoutMs,
                       ReturnValueCompletion<JsonObject> completion);

    /** The URL agents send commands to, known once the REST server listens. */
    String getSendCommandUrl();

    /** Handles agent-pushed commands of one commandpath; the function's result is the HTTP answer. */
    <T> void registerSyncHttpCallHandler(String commandPath, Class<T> cmdClass, Function<T, Object> handler);
}
