package org.zstack.v2v;

import org.zstack.kvm.KVMAgentCommands.AgentResponse;

import java.util.List;
import java.util.Map;

/**
 * Commands of the agent's V2V extension (plugin/v2v-agent); the contract is plugin/v2v-agent/PROTOCOL.md. The agent
 * declares the same classes on its side (the node must not depend on the agent): AgentContractTest holds the two
 * to the same paths, field names and JSON types.
 */
public final class V2VAgentCommands {
    private V2VAgentCommands() {
    }

    public static final String CLEAN_PATH = "/v2v/conversionhost/clean";
    public static final String TRANSFER_PATH = "/v2v/job/transfer";
    public static final String CONVERT_PATH = "/v2v/job/convert";
    public static final String DELIVER_PATH = "/v2v/job/deliver";
    public static final String CANCEL_PATH = "/v2v/job/cancel";
    public static final String CLEANUP_PATH = "/v2v/job/cleanup";
    public static final String VOLUME_DELETE_PATH = "/v2v/volume/delete";
    /** Agent to agent (conversion host → target host); the node only signs a key for it (DeliverCmd.targetAgentKey). */
    public static final String VOLUME_UPLOAD_PATH = "/v2v/volume/upload";
    public static final String JOB_STATE_PATH = "/v2v/job/state";
    public static final String JOB_LOG_PATH = "/v2v/job/log";
    public static final String KVM_LIST_VMS_PATH = "/v2v/kvm/vms";
    public static final String KVM_PREPARE_VM_PATH = "/v2v/kvm/vm/prepare";
    public static final String KVM_RELEASE_VM_PATH = "/v2v/kvm/vm/release";

    /** How the agent reaches a KVM source host's libvirt. */
    public static class KvmSourceCmd {
        public String libvirtURI;
        public String sshPrivKey;
    }

    public static class KvmListVmsCmd extends KvmSourceCmd {
    }

    public static class KvmListVmsRsp extends AgentResponse {
        public String libvirtVersion;
        public String qemuVersion;
        public ConversionHostCaps v2vCaps;
        public List<KvmVmInventory> vms;
    }

    /** The conversion host's tools for a KVM source, as its agent probed them; a version is null when not installed. */
    public static class ConversionHostCaps {
        public String virtV2v;
        public String virtV2vInPlace;
        public String qemuImg;
        public String qemuNbd;
        public String nbdkit;
        public String libguestfs;
        public boolean sshTransfer;
        public List<String> supportedDiskTypes;
    }

    public static class KvmPrepareVmCmd extends KvmSourceCmd {
        public String jobUuid;
        public String domainUuid;
        /** Pause a running domain for the copy; without it a running domain is refused. */
        public boolean pause;
    }

    public static class KvmPrepareVmRsp extends AgentResponse {
        public KvmVmInventory vm;
        public String initialState;
        public boolean pausedByUs;
    }

    public static class KvmReleaseVmCmd extends KvmSourceCmd {
        public String jobUuid;
        public String domainUuid;
        public boolean resume;
        public boolean shutdown;
    }

    public static class KvmReleaseVmRsp extends AgentResponse {
        public String state;
    }

    public static class CleanCmd {
        public String storagePath;
        /** Job directories still in use: never removed. */
        public List<String> keep;
    }

    public static class CleanRsp extends AgentResponse {
        public Long freedBytes;
        public Long totalCapacity;
        public Long availableCapacity;
    }

    /** What every job command carries. */
    public static class JobCmd {
        public String jobUuid;
        public String apiId;
        public String storagePath;
        public Integer progressBase;
        public Integer progressSpan;
    }

    public static class TransferDisk {
        public int index;
        public String url;
        public Map<String, String> headers;
        public String sslThumbprint;
        public long capacity;
        public List<long[]> extents;
    }

    public static class TransferCmd extends JobCmd {
        /** For ssh:// disks (KVM sources): the key to the source host. Never logged. */
        public String sshPrivKey;
        public Long downloadBandwidth;
        public int parallelDisks;
        public List<TransferDisk> disks;
    }

    public static class TransferredDisk {
        public int index;
        public String path;
        public long capacity;
        public long bytesRead;
        public long bytesWritten;
        public long zeroBytesSkipped;
        /** Where this run went on with an earlier run's copy (an agent restart, a canceled run); 0: from the start. */
        public long resumedFromByte;
        /** What earlier runs had read below resumedFromByte: kept, not read again. */
        public long bytesFromCheckpoint;
        /** A stream without Range (streamOptimized VMDK) is read again from its start on resume: what was read twice. */
        public long bytesReadAgain;
        public double seconds;
        public long bytesPerSecond;
    }

    public static class TransferRsp extends AgentResponse {
        public List<TransferredDisk> disks;
        public double seconds;
    }

    public static class GuestNic {
        public String mac;
        public String sourceMac;
        public String ip;
        public String netmask;
        public String gateway;
        public List<String> dns;
    }

    public static class ConvertCmd extends JobCmd {
        public List<String> disks;
        /** The bus each disk had at the source, by index (scsi, sata, ide, virtio); null: SCSI. */
        public List<String> diskBuses;
        public String vmName;
        public boolean forceTcg;
        public long timeoutSeconds;
        public List<GuestNic> nics;
    }

    public static class ConvertRsp extends AgentResponse {
        public String logPath;
        public double seconds;
        public String osType;
        public String distro;
        public String osVersion;
        public List<String> interfaces;
        /** virt-v2v's part of seconds, then the guest network step's, and that step's own log. */
        public double conversionSeconds;
        public double networkSeconds;
        public String networkLogPath;
    }

    public static class DeliverVolume {
        public String disk;
        public String installPath;
    }

    public static class DeliverCmd extends JobCmd {
        public boolean compress;
        public Long uploadBandwidth;
        public String targetAgentUrl;
        /**
         * With targetAgentUrl: a key derived from the target host's secret that signs uploads to its agent, and
         * only those, until the scope's deadline ("PUT /v2v/volume/upload EXPIRES"); the secret itself never
         * leaves the node.
         */
        public String targetAgentKey;
        public String targetAgentKeyScope;
        public List<DeliverVolume> volumes;
    }

    public static class DeliveredVolume {
        public String installPath;
        public long size;
        public long actualSize;
        public double seconds;
    }

    public static class DeliverRsp extends AgentResponse {
        public List<DeliveredVolume> volumes;
    }

    public static class JobStateCmd {
        public String jobUuid;
        public String storagePath;
    }

    public static class JobLogCmd {
        public String jobUuid;
        public String storagePath;
        public String name;
        public long tailBytes;
    }

    public static class JobLogRsp extends AgentResponse {
        public String path;
        public long size;
        public boolean truncated;
        public String content;
    }

    /** What the conversion host holds of a job: its commands running now, and the work already finished. */
    public static class JobStateRsp extends AgentResponse {
        public List<String> running;
        public List<Integer> transferredDisks;
        public boolean converted;
        public boolean exists;
    }

    public static class CancelCmd {
        public String jobUuid;
    }

    public static class CancelRsp extends AgentResponse {
        public boolean canceled;
    }

    public static class CleanupCmd {
        public String jobUuid;
        public String storagePath;
    }

    public static class CleanupRsp extends AgentResponse {
        /** Something of the job was still running and was stopped. */
        public boolean canceled;
        public long freedBytes;
    }

    public static class VolumeDeleteCmd {
        public List<String> paths;
    }

    public static class VolumeDeleteRsp extends AgentResponse {
        /** The paths that existed and were removed. */
        public List<String> deleted;
    }
}
