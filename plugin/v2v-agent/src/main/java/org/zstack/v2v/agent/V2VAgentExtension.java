package org.zstack.v2v.agent;

import org.zstack.agent.AgentExtension;
import org.zstack.agent.CommandRegistry;

/** The V2V commands of the host agent, found by the runtime through ServiceLoader like any extension. */
public class V2VAgentExtension implements AgentExtension {
    public static final String CLEAN_PATH = "/v2v/conversionhost/clean";

    @Override
    public void register(CommandRegistry registry) {
        registry.register(CLEAN_PATH, ConversionCacheCleaner.CleanCmd.class, new ConversionCacheCleaner());
    }
}
