package org.zstack.agent.vm;

import org.zstack.agent.AgentResponse;

import java.util.List;
import java.util.Map;

/**
 * The JSON of the VM lifecycle commands on the target host (PROTOCOL.md, "Target host: plugin/kvm-agent"), in
 * ZStack's KVMAgentCommands style. Field names are the wire contract with the management node: do not rename them.
 * Sizes are bytes.
 */
public final class VmAgentCommands {
    private VmAgentCommands() {
    }

    public static final String START_PATH = "/vm/start";
    public static final String DESTROY_PATH = "/vm/destroy";
    public static final String STATE_PATH = "/vm/state";

    public static class StartVmCmd {
        /** The domain's name and uuid: 32 hex digits as ZStack writes uuids (the dashed form is accepted). */
        public String vmUuid;
        /** Shown as the domain's title. */
        public String vmName;
        public Integer cpuNum;
        /** Bytes. */
        public Long memorySize;
        /** "kvm" (default) or "qemu" (TCG, where the host has no usable KVM). */
        public String domainType;
        /** "pc" (default) or "q35". */
        public String machineType;
        /** "BIOS" (default; ZStack's "Legacy" too) or "UEFI". */
        public String bootMode;
        /** UEFI with secure boot: OVMF's secure-boot build with Microsoft's keys enrolled; needs machineType q35. */
        public boolean secureBoot;
        public List<VolumeTO> volumes;
        public List<NicTO> nics;
        /** Where the first serial port's output is written; null for none. */
        public String serialLogPath;
        /** False defines the domain and leaves it stopped (JustConvert). */
        public boolean start = true;
    }

    public static class VolumeTO {
        public String uuid;
        public String installPath;
        /** "qcow2" or "raw". */
        public String format;
        /** 0 is the root volume (vda, booted from), 1 is vdb, ... */
        public Integer deviceId;
    }

    public static class NicTO {
        public String mac;
        /** A bridge, or an interface whose bridge is br_&lt;interface&gt;. */
        public String bridgeName;
        public Integer deviceId;
        /** "virtio" (default), "e1000" or "rtl8139". */
        public String model;
    }

    public static class StartVmResponse extends AgentResponse {
        /** "Running" or "Stopped" (or "Paused" when it was found paused and left as it was). */
        public String state;
    }

    public static class DestroyVmCmd {
        public String vmUuid;
    }

    public static class VmStateCmd {
        public List<String> vmUuids;
    }

    public static class VmStateResponse extends AgentResponse {
        /** vmUuid (as asked) to Running/Stopped/Paused/Crashed/Unknown; absent when libvirt has no such domain. */
        public Map<String, String> states;
    }
}
