package org.zstack.agent;

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

    /** The agent's settings, for extensions that need the libvirt URI or the state directory at start. */
    AgentConfig config();
}
