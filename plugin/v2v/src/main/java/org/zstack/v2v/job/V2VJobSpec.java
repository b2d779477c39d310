package org.zstack.v2v.job;

import org.zstack.v2v.source.SourceVm;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one migration job needs, decided and checked at submission: the long job's jobData. A rerun or a
 * takeover by another node starts from it alone.
 */
public class V2VJobSpec {
    public String jobUuid;
    public String taskUuid;
    public String sourceUrl;
    public String scheme;
    public SourceVm sourceVm;
    public String conversionHostUuid;
    public String targetVmUuid;
    public String name;
    public String description;
    public int cpuNum;
    public long memorySize;
    public String platform;
    public String zoneUuid;
    public String clusterUuid;
    /** The host the VM is created on. */
    public String hostUuid;
    public String primaryStorageUuid;
    /** InstantStart or JustConvert. */
    public String strategy;
    public boolean pauseVm;
    /** A KVM source paused for the copy (pauseVm): "Resume" (default) or "Shutdown" once the migration succeeded. */
    public String sourceVmAfterMigration;
    /**
     * The private key to reach a KVM source host, encrypted (EncryptionFacade); null for VMware. Transient: stored in
     * V2VJobVO.sourceCredential, never in the jobData that QueryLongJob returns.
     */
    public transient String encryptedSshPrivKey;
    public boolean compress;
    /** Source disk indexes that are not migrated. */
    public List<Integer> skipDisks = new ArrayList<>();
    public List<NicPlan> nics = new ArrayList<>();

    /** The source disks this job migrates (skipDisks left out), root first. */
    public List<SourceVm.Disk> migratedDisks() {
        return sourceVm.disks.stream().filter(d -> !skipDisks.contains(d.index))
                .sorted((a, b) -> Integer.compare(a.index, b.index)).toList();
    }

    /** Their capacity: what the job may hold in the conversion host's cache and needs on the primary storage. */
    public long migratedBytes() {
        return migratedDisks().stream().mapToLong(d -> d.capacity).sum();
    }

    public boolean startAfterMigration() {
        return !"JustConvert".equals(strategy);
    }

    /** One target NIC: which source NIC it replaces, its L3 network, MAC and (requested) IP. */
    public static class NicPlan {
        public String sourceMac;
        public String l3NetworkUuid;
        public String mac;
        /** A fixed IP the administrator asked for; null takes a free one of the L3 (when it has ranges). */
        public String ip;
        public boolean defaultNic;
    }
}
