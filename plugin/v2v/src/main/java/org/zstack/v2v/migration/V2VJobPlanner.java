package org.zstack.v2v.migration;

import org.zstack.v2v.job.UnfinishedJobs;
import org.zstack.v2v.job.V2VJobSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;
import org.zstack.header.host.HostVO_;
import org.zstack.header.network.l3.L3NetworkVO;
import org.zstack.header.storage.primary.PrimaryStorageClusterRefVO;
import org.zstack.header.storage.primary.PrimaryStorageClusterRefVO_;
import org.zstack.header.storage.primary.PrimaryStorageHostRefVO;
import org.zstack.header.storage.primary.PrimaryStorageHostRefVO_;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.header.vm.VmNicVO;
import org.zstack.header.vm.VmNicVO_;
import org.zstack.network.l3.IpAllocator;
import org.zstack.storage.primary.PrimaryStorageBackends;
import org.zstack.v2v.*;
import org.zstack.v2v.source.MigrationSources;
import org.zstack.v2v.source.SourceVm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.zstack.core.Platform.err;

/**
 * Turns a migration request (one VM, or the wizard's batch) into job specs, checking everything that can be checked
 * before anything starts. Every refusal names the VM and the field, and nothing is written until all VMs pass. The
 * checks live in {@link SubmissionChecks}, {@link TargetPlacement}, {@link NicMapping}, {@link NicChecks} and
 * {@link SpaceBudget}, which take what they need as plain data; this class reads it from the database.
 */
public class V2VJobPlanner {
    public static final int MAX_VMS_PER_TASK = 50;

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private EncryptionFacade encryption;
    @Autowired
    private ReadyConversionHosts readyConversionHosts;
    @Autowired
    private IpAllocator ipAllocator;
    @Autowired
    private MigrationSources sources;
    @Autowired
    private PrimaryStorageBackends storageBackends;

    /** The source VMs a submission names, in order: what {@link SourceVmResolver} looks up before planning. */
    public static List<SourceRef> sourceRefs(APIConvertVmFromForeignHypervisorMsg msg) {
        return List.of(SourceRef.parse(msg.getUrl()));
    }

    public static List<SourceRef> sourceRefs(APICreateV2VTaskMsg msg) {
        if (msg.getVms().size() > MAX_VMS_PER_TASK) {
            throw invalid("a task migrates at most %d VMs, %d were given", MAX_VMS_PER_TASK, msg.getVms().size());
        }
        List<SourceRef> refs = new ArrayList<>();
        for (V2VVmSpec v : msg.getVms()) {
            if (v == null || v.getSourceVmUuid() == null || v.getSourceVmUuid().isBlank()) {
                throw invalid("vms: every VM needs sourceVmUuid");
            }
            refs.add(SourceRef.of(v.getSourceVmUuid()));
        }
        return refs;
    }

    /**
     * The published single-VM API: NIC i of the source goes to l3NetworkUuids[i], keeping its MAC.
     *
     * @param resolved the source VMs by url, from {@link SourceVmResolver}
     */
    public V2VJobSpec plan(APIConvertVmFromForeignHypervisorMsg msg, Map<String, SourceVm> resolved) {
        SourceRef ref = SourceRef.parse(msg.getUrl());
        SourceVm vm = resolved.get(ref.url());
        V2VJobSpec spec = baseSpec(msg, ref, vm);
        spec.sourceUrl = msg.getUrl();
        spec.name = msg.getName();
        spec.cpuNum = msg.getCpuNum();
        spec.memorySize = msg.getMemorySize();
        spec.platform = msg.getPlatform();
        spec.compress = V2VGlobalConfig.COMPRESS.value(Boolean.class);
        if (msg.getVolumeFilters() != null) {
            for (String f : msg.getVolumeFilters()) {
                spec.skipDisks.add(SubmissionChecks.diskIndex(vm, f, "volumeFilters"));
            }
        }
        spec.nics.addAll(NicMapping.byPosition(vm, msg.getL3NetworkUuids(), msg.getDefaultL3NetworkUuid()));
        complete(List.of(spec));
        return spec;
    }

    /** The wizard's batch: one spec per VM, in the order given. */
    public List<V2VJobSpec> plan(APICreateV2VTaskMsg msg, Map<String, SourceVm> resolved) {
        sourceRefs(msg);
        Map<String, String> byNetwork = NicMapping.byNetwork(msg.getNetworkMappings());
        List<V2VJobSpec> specs = new ArrayList<>();
        for (V2VVmSpec v : msg.getVms()) {
            SourceRef ref = SourceRef.of(v.getSourceVmUuid());
            SourceVm vm = resolved.get(ref.url());
            V2VJobSpec spec = baseSpec(msg, ref, vm);
            spec.name = v.getName();
            spec.cpuNum = v.getCpuNum() != null ? v.getCpuNum() : vm.cpuNum;
            spec.memorySize = v.getMemorySize() != null ? v.getMemorySize() : vm.memorySize;
            spec.platform = v.getPlatform();
            spec.sourceVmAfterMigration = msg.getSourceVmAfterMigration();
            spec.compress = msg.getCompress() != null ? msg.getCompress() : V2VGlobalConfig.COMPRESS.value(Boolean.class);
            if (v.getSkipDataDisks() != null) {
                for (Integer i : v.getSkipDataDisks()) {
                    spec.skipDisks.add(SubmissionChecks.diskIndex(vm, String.valueOf(i), "skipDataDisks"));
                }
            }
            spec.nics.addAll(NicMapping.map(vm, v.getNics(), byNetwork));
            specs.add(spec);
        }
        complete(specs);
        return specs;
    }

    /** What both APIs set alike: the source VM, where it goes, how it is reached. */
    private V2VJobSpec baseSpec(MigrationTargetRequest req, SourceRef ref, SourceVm vm) {
        V2VJobSpec spec = new V2VJobSpec();
        spec.sourceUrl = ref.url();
        spec.scheme = ref.scheme();
        spec.sourceVm = vm;
        spec.conversionHostUuid = req.getConversionHostUuid();
        spec.description = req.getDescription();
        spec.zoneUuid = req.getZoneUuid();
        spec.clusterUuid = req.getClusterUuid();
        spec.hostUuid = req.getHostUuid();
        spec.primaryStorageUuid = req.getPrimaryStorageUuid();
        spec.strategy = req.getStrategy();
        spec.pauseVm = Boolean.TRUE.equals(req.getPauseVm());
        spec.encryptedSshPrivKey = encrypted(req.getSshPrivKey());
        return spec;
    }

    /**
     * Defaults, target placement and every check; fills the uuids. Throws on the first problem found. The checks
     * are in their own classes; here is what they read from the database.
     */
    private void complete(List<V2VJobSpec> specs) {
        SubmissionChecks submission = new SubmissionChecks();
        TargetPlacement placement = new TargetPlacement(new DbInventory());
        NicChecks nics = new NicChecks(new DbNetworks());
        SpaceBudget space = new SpaceBudget();
        for (V2VJobSpec spec : specs) {
            SourceVm vm = spec.sourceVm;
            String who = "VM " + vm.name;
            spec.jobUuid = Platform.getUuid();
            spec.targetVmUuid = Platform.getUuid();
            if (spec.name == null || spec.name.isBlank()) {
                spec.name = vm.name + V2VGlobalConfig.TARGET_VM_NAME_SUFFIX.value();
            }
            SubmissionChecks.settings(spec, who);
            sources.get(spec.scheme).checkMigratable(vm, spec.skipDisks);
            submission.sourceVm(spec, who);
            List<String> jobsOfVm = Q.New(V2VJobVO.class).eq(V2VJobVO_.sourceVmUuid, vm.uuid).listValues(V2VJobVO_.uuid);
            SubmissionChecks.notBeingMigrated(vm, UnfinishedJobs.among(jobsOfVm), who);

            V2VConversionHostVO ch = readyConversionHosts.get(spec.conversionHostUuid, sourceType(spec), who);
            spec.conversionHostUuid = ch.getUuid();
            PrimaryStorageVO ps = placement.place(spec, ch, who);
            nics.check(spec, who);
            space.take(who, spec.migratedBytes(), ch, reservedOn(ch.getUuid()), ps);
        }
    }

    /** Placement's view of the database; the storage's backend answers whether it is shared. */
    private class DbInventory implements TargetPlacement.Inventory {
        @Override
        public PrimaryStorageVO primaryStorage(String uuid) {
            return dbf.findByUuid(uuid, PrimaryStorageVO.class);
        }

        @Override
        public boolean isShared(PrimaryStorageVO ps) {
            return storageBackends.get(ps.getType()).isShared();
        }

        @Override
        public List<String> attachedClusters(String primaryStorageUuid) {
            return Q.New(PrimaryStorageClusterRefVO.class).eq(PrimaryStorageClusterRefVO_.primaryStorageUuid, primaryStorageUuid)
                    .listValues(PrimaryStorageClusterRefVO_.clusterUuid);
        }

        @Override
        public boolean hasHostRef(String primaryStorageUuid, String hostUuid) {
            return Q.New(PrimaryStorageHostRefVO.class).eq(PrimaryStorageHostRefVO_.primaryStorageUuid, primaryStorageUuid)
                    .eq(PrimaryStorageHostRefVO_.hostUuid, hostUuid).isExists();
        }

        @Override
        public HostVO host(String uuid) {
            return dbf.findByUuid(uuid, HostVO.class);
        }

        @Override
        public List<HostVO> connectedHosts(String zoneUuid, String clusterUuid) {
            Q<HostVO> q = Q.New(HostVO.class).eq(HostVO_.zoneUuid, zoneUuid).eq(HostVO_.status, HostStatus.Connected);
            if (clusterUuid != null) {
                q.eq(HostVO_.clusterUuid, clusterUuid);
            }
            return q.list();
        }
    }

    private class DbNetworks implements NicChecks.Networks {
        @Override
        public L3NetworkVO l3(String uuid) {
            return dbf.findByUuid(uuid, L3NetworkVO.class);
        }

        @Override
        public boolean macUsed(String l3NetworkUuid, String mac) {
            return Q.New(VmNicVO.class).eq(VmNicVO_.l3NetworkUuid, l3NetworkUuid).eq(VmNicVO_.mac, mac).isExists();
        }

        @Override
        public String ipUnavailableReason(String l3NetworkUuid, String ip) {
            return ipAllocator.unavailableReason(l3NetworkUuid, ip);
        }
    }

    /** Cache space held by the jobs of the conversion host that have not ended. */
    long reservedOn(String conversionHostUuid) {
        List<V2VJobVO> jobs = Q.New(V2VJobVO.class).eq(V2VJobVO_.conversionHostUuid, conversionHostUuid)
                .gt(V2VJobVO_.reservedCacheSize, 0L).list();
        return jobs.stream().mapToLong(V2VJobVO::getReservedCacheSize).sum();
    }

    private static String sourceType(V2VJobSpec spec) {
        return "vmware".equals(spec.scheme) ? "VMWARE" : "KVM";
    }

    static OperationFailureException invalid(String fmt, Object... args) {
        return new OperationFailureException(err(V2VErrors.INVALID_MIGRATION, fmt, args));
    }

    private String encrypted(String sshPrivKey) {
        return sshPrivKey == null || sshPrivKey.isBlank() ? null : encryption.encrypt(sshPrivKey);
    }

    /** scheme://ref */
    public record SourceRef(String scheme, String ref) {
        static SourceRef parse(String url) {
            int i = url == null ? -1 : url.indexOf("://");
            if (i <= 0 || i + 3 >= url.length()) {
                throw invalid("url %s is not <platform>://<vm>, e.g. vmware://<vm uuid> or"
                        + " kvm://qemu+ssh://root@<host>/system#<domain uuid>", url);
            }
            return new SourceRef(url.substring(0, i).toLowerCase(Locale.ROOT), url.substring(i + 3));
        }

        /** A url, or a bare VMware VM uuid (the wizard's VMware VMs). */
        static SourceRef of(String sourceVm) {
            return sourceVm.contains("://") ? parse(sourceVm) : new SourceRef("vmware", sourceVm);
        }

        public String url() {
            return scheme + "://" + ref;
        }
    }
}
