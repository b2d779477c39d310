package org.zstack.agent;

/**
 * A unit of agent commands, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/org.zstack.agent.AgentExtension}.
 *
 * <p>The built-in host commands come in through this same door, so a later module (the V2V extension)
 * adds its paths by shipping one more service entry, without any change to the runtime.
 * Every agent instance loads fresh extension objects, so an extension may keep per-agent state in fields.
 */
public interface AgentExtension {
    /** Called once, before the agent listens; register every path here. */
    void register(CommandRegistry registry);

    /** Called once when the agent stops; release connections, threads, child processes. */
    default void stop() {
    }
}
