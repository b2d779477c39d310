package org.zstack.agent;

import java.io.InputStream;
import java.util.Map;

/** Where an {@link AgentExtension} declares the paths it serves. */
public interface CommandRegistry {
    /**
     * Binds a path to a handler. The request body is read into {@code cmdClass} with Gson
     * ({@code com.google.gson.JsonObject} takes any object as is).
     *
     * @throws IllegalStateException if the path is already taken: two extensions answering one path
     *                               is a packaging mistake that must stop the agent at start, not at run time
     */
    <T> void register(String path, Class<T> cmdClass, CommandHandler<T> handler);

    /**
     * Binds a path to a handler of a raw request body, for data that is not a command (a volume upload of many
     * GiB): PUT or POST, the body handed over unread as a stream, the answer the usual JSON. Always sync; the
     * query string carries the parameters. Shares the path space with {@link #register}.
     *
     * @throws IllegalStateException if the path is already taken
     */
    void registerStream(String path, StreamHandler handler);

    /** The agent's settings, for extensions that need the libvirt URI or the state directory at start. */
    AgentConfig config();

    /** The same {@link AllowedRoots} every request's context gives, for handlers built at registration. */
    AllowedRoots allowedRoots();

    /**
     * Handles one raw-body request. The body is read by the handler, as far as it wants: it is neither buffered nor
     * parsed by the runtime. Failing works as for {@link CommandHandler}.
     */
    @FunctionalInterface
    interface StreamHandler {
        /**
         * @param query   the decoded query parameters (the first value of each name)
         * @param headers the request headers, names in lower case (the first value of each)
         */
        AgentResponse handle(Map<String, String> query, Map<String, String> headers, InputStream body,
                             AgentContext ctx) throws Exception;
    }
}
