package org.zstack.kvm;

import java.util.List;
import java.util.Map;

/** The JSON commands of the host agent (plugin/kvm-agent) and their answers. */
public final class KVMAgentCommands {
    private KVMAgentCommands() {
    }

    public static class AgentResponse {
        public boolean success = true;
        public String error;
    }

    public static class ConnectCmd {
        public String hostUuid;
        public String sendCommandUrl;
    }

    public static class ConnectRsp extends AgentResponse {
        public String hostUuid;
        public String libvirtVersion;
        public String qemuVersion;
        public String hostname;
        public Integer cpuNum;
        public String cpuModelName;
        public Long totalMemory;
        public Long availableMemory;
        public String osDistribution;
        public String osVersion;
        public String agentVersion;
    }

    public static class PingCmd {
        public String hostUuid;
    }

    public static class PingRsp extends AgentResponse {
        /** The uuid the agent was connected with; null after an agent restart. */
        public String hostUuid;
    }

    public static class StorageCapacityCmd {
        public String path;
        public boolean create;
    }

    public static class StorageCapacityRsp extends AgentResponse {
        public String path;
        public Long totalCapacity;
        public Long availableCapacity;
        public Boolean writable;
    }

    public static class NfsMountCmd {
        public String url;
        public String mountPath;
        public String options;
    }

    public static class NfsMountRsp extends AgentResponse {
        public Long totalCapacity;
        public Long availableCapacity;
    }

    public static class NfsUmountCmd {
        public String mountPath;
    }

    public static class BridgeCheckCmd {
        public String interfaceName;
    }

    public static class ToolsCheckCmd {
        public List<String> tools;
    }

    public static class ToolsCheckRsp extends AgentResponse {
        public Map<String, String> versions;
        public List<String> missing;
    }
}
