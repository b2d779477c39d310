package org.zstack.v2v;

import org.zstack.kvm.KVMAgentCommands.AgentResponse;

/** Commands of the agent's V2V extension (plugin/v2v-agent). */
public final class V2VAgentCommands {
    private V2VAgentCommands() {
    }

    public static final String CLEAN_PATH = "/v2v/conversionhost/clean";

    public static class CleanCmd {
        public String storagePath;
        /** Job directories still in use: never removed. */
        public java.util.List<String> keep;
    }

    public static class CleanRsp extends AgentResponse {
        public Long freedBytes;
        public Long totalCapacity;
        public Long availableCapacity;
    }
}
