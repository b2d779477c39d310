package org.zstack.agent.host;

import org.zstack.agent.AgentResponse;

import java.util.List;
import java.util.Map;

/**
 * The JSON of the built-in host commands, in ZStack's KVMAgentCommands style (nested classes, public fields).
 * Field names are the wire contract with the management node's plugin/kvm: do not rename them.
 * Sizes are bytes; versions are "major.minor.micro" strings.
 */
public final class HostAgentCommands {
    private HostAgentCommands() {
    }

    public static final String CONNECT_PATH = "/host/connect";
    public static final String PING_PATH = "/host/ping";
    public static final String FACTS_PATH = "/host/facts";
    public static final String STORAGE_CAPACITY_PATH = "/host/storage/capacity";
    public static final String NFS_MOUNT_PATH = "/host/nfs/mount";
    public static final String NFS_UMOUNT_PATH = "/host/nfs/umount";
    public static final String BRIDGE_CHECK_PATH = "/host/bridge/check";
    public static final String TOOLS_CHECK_PATH = "/host/tools/check";
    public static final String ECHO_PATH = "/host/echo";
    public static final String ROOTS_PATH = "/host/roots";

    public static class ConnectCmd {
        public String hostUuid;
        public String sendCommandUrl;
        /** The directories the agent's commands may touch (AllowedRoots); replaces the previous ones. */
        public List<String> allowedRoots;
    }

    /** Sent whenever the host's roots change between two connects (a conversion host added, a storage attached). */
    public static class RootsCmd {
        public List<String> roots;
    }

    public static class RootsResponse extends AgentResponse {
        public List<String> roots;
    }

    /** What connect and facts both tell of the machine. */
    public static class MachineResponse extends AgentResponse {
        public String libvirtVersion;
        public String qemuVersion;
        public String hostname;
        public Integer cpuNum;
        public String cpuModelName;
        public Long totalMemory;
        public Long availableMemory;
        public String osDistribution;
        public String osVersion;
    }

    public static class ConnectResponse extends MachineResponse {
        public String hostUuid;
        public String agentVersion;
    }

    public static class PingCmd {
        public String hostUuid;
    }

    public static class PingResponse extends AgentResponse {
        /** The uuid of the last connect since the agent started; null when it never was: the node reconnects. */
        public String hostUuid;
    }

    public static class FactsCmd {
    }

    public static class FactsResponse extends MachineResponse {
        public List<String> ipAddresses;
        public List<String> interfaces;
        public List<String> bridges;
    }

    public static class StorageCapacityCmd {
        public String path;
        public boolean create;
    }

    public static class StorageCapacityResponse extends AgentResponse {
        public String path;
        public Long totalCapacity;
        public Long availableCapacity;
        public Boolean writable;
    }

    public static class NfsMountCmd {
        /** {@code server:/export} */
        public String url;
        public String mountPath;
        /** passed to {@code mount -o}; may be null */
        public String options;
    }

    public static class NfsMountResponse extends AgentResponse {
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

    public static class ToolsCheckResponse extends AgentResponse {
        public Map<String, String> versions;
        public List<String> missing;
    }
}
