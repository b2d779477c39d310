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
        /** The directories the agent may touch (AgentPathRoots); it refuses any other path. */
        public List<String> allowedRoots;
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

    /** Replaces the agent's roots between two connects. */
    public static class RootsCmd {
        public List<String> roots;
    }

    public static class RootsRsp extends AgentResponse {
        public List<String> roots;
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

    public static class VmVolumeTO {
        public String uuid;
        public String installPath;
        public String format;
        public int deviceId;
    }

    public static class VmNicTO {
        public String mac;
        public String bridgeName;
        public int deviceId;
        public String model = "virtio";
    }

    /** Defines the domain and, when start, starts it (plugin/v2v-agent/PROTOCOL.md, "Target host"). */
    public static class StartVmCmd {
        public String vmUuid;
        public String vmName;
        public int cpuNum;
        public long memorySize;
        public String domainType;
        public String machineType;
        public String bootMode;
        /** UEFI secure boot (OVMF's secure-boot build); needs machineType q35. */
        public boolean secureBoot;
        public java.util.List<VmVolumeTO> volumes;
        public java.util.List<VmNicTO> nics;
        public String serialLogPath;
        public boolean start = true;
    }

    public static class StartVmRsp extends AgentResponse {
        public String state;
    }

    public static class DestroyVmCmd {
        public String vmUuid;
    }

    public static class VmStateCmd {
        public java.util.List<String> vmUuids;
    }

    public static class VmStateRsp extends AgentResponse {
        public java.util.Map<String, String> states;
    }
}
