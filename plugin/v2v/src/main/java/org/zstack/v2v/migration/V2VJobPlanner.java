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
import org.zstack.header.network.l3.IpRangeVO;
import org.zstack.header.network.l3.IpRangeVO_;
import org.zstack.header.network.l3.L3NetworkVO;
import org.zstack.header.storage.primary.PrimaryStorageClusterRefVO;
import org.zstack.header.storage.primary.PrimaryStorageClusterRefVO_;
import org.zstack.header.storage.primary.PrimaryStorageConstant;
import org.zstack.header.storage.primary.PrimaryStorageHostRefVO;
import org.zstack.header.storage.primary.PrimaryStorageHostRefVO_;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.header.vm.VmNicVO;
import org.zstack.header.vm.VmNicVO_;
import org.zstack.network.l3.IpAllocator;
import org.zstack.v2v.*;
import org.zstack.v2v.source.MigrationSources;
import org.zstack.v2v.source.SourceVm;

import java.security.SecureRandom;
import java.util.*;
import java.util.regex.Pattern;

import static org.zstack.core.Platform.err;

/**
 * Turns a migration request (one VM, or the wizard's batch) into job specs, checking everything that can be checked
 * before anything starts. Every refusal names the VM and the field, and nothing is written until all VMs pass.
 */
public class V2VJobPlanner {
    public static final int MAX_VMS_PER_TASK = 50;
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final SecureRandom random = new SecureRandom();

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
        V2VJobSpec spec = new V2VJobSpec();
        spec.sourceUrl = msg.getUrl();
        spec.scheme = ref.scheme();
        spec.sourceVm = vm;
        spec.conversionHostUuid = msg.getConversionHostUuid();
        spec.name = msg.getName();
        spec.description = msg.getDescription();
        spec.cpuNum = msg.getCpuNum();
        spec.memorySize = msg.getMemorySize();
        spec.platform = msg.getPlatform();
        spec.zoneUuid = msg.getZoneUuid();
        spec.clusterUuid = msg.getClusterUuid();
        spec.hostUuid = msg.getHostUuid();
        spec.primaryStorageUuid = msg.getPrimaryStorageUuid();
        spec.strategy = msg.getStrategy();
        spec.pauseVm = Boolean.TRUE.equals(msg.getPauseVm());
        spec.encryptedSshPrivKey = encrypted(msg.getSshPrivKey());
        spec.compress = V2VGlobalConfig.COMPRESS.value(Boolean.class);
        if (msg.getVolumeFilters() != null) {
            for (String f : msg.getVolumeFilters()) {
                spec.skipDisks.add(parseDiskIndex(vm, f, "volumeFilters"));
            }
        }
        List<String> l3s = msg.getL3NetworkUuids();
        for (int i = 0; i < l3s.size(); i++) {
            V2VJobSpec.NicPlan n = new V2VJobSpec.NicPlan();
            n.l3NetworkUuid = l3s.get(i);
            n.sourceMac = i < vm.nics.size() ? vm.nics.get(i).mac : null;
            n.mac = n.sourceMac;
            n.defaultNic = msg.getDefaultL3NetworkUuid() != null ? n.l3NetworkUuid.equals(msg.getDefaultL3NetworkUuid()) : i == 0;
            spec.nics.add(n);
        }
        List<V2VJobSpec> specs = List.of(spec);
        complete(specs);
        return spec;
    }

    /** The wizard's batch: one spec per VM, in the order given. */
    public List<V2VJobSpec> plan(APICreateV2VTaskMsg msg, Map<String, SourceVm> resolved) {
        sourceRefs(msg);
        Map<String, String> byNetwork = new HashMap<>();
        if (msg.getNetworkMappings() != null) {
            for (V2VNetworkMapping m : msg.getNetworkMappings()) {
                if (m.getSourceNetworkName() == null || m.getL3NetworkUuid() == null) {
                    throw invalid("networkMappings: every mapping needs sourceNetworkName and l3NetworkUuid");
                }
                byNetwork.put(m.getSourceNetworkName(), m.getL3NetworkUuid());
            }
        }
        List<V2VJobSpec> specs = new ArrayList<>();
        for (V2VVmSpec v : msg.getVms()) {
            SourceRef ref = SourceRef.of(v.getSourceVmUuid());
            SourceVm vm = resolved.get(ref.url());
            V2VJobSpec spec = new V2VJobSpec();
            spec.sourceUrl = ref.url();
            spec.scheme = ref.scheme();
            spec.sourceVm = vm;
            spec.conversionHostUuid = msg.getConversionHostUuid();
            spec.name = v.getName();
            spec.description = msg.getDescription();
            spec.cpuNum = v.getCpuNum() != null ? v.getCpuNum() : vm.cpuNum;
            spec.memorySize = v.getMemorySize() != null ? v.getMemorySize() : vm.memorySize;
            spec.platform = v.getPlatform();
            spec.zoneUuid = msg.getZoneUuid();
            spec.clusterUuid = msg.getClusterUuid();
            spec.hostUuid = msg.getHostUuid();
            spec.primaryStorageUuid = msg.getPrimaryStorageUuid();
            spec.strategy = msg.getStrategy();
            spec.pauseVm = Boolean.TRUE.equals(msg.getPauseVm());
            spec.sourceVmAfterMigration = msg.getSourceVmAfterMigration();
            spec.encryptedSshPrivKey = encrypted(msg.getSshPrivKey());
            spec.compress = msg.getCompress() != null ? msg.getCompress() : V2VGlobalConfig.COMPRESS.value(Boolean.class);
            if (v.getSkipDataDisks() != null) {
                for (Integer i : v.getSkipDataDisks()) {
                    spec.skipDisks.add(parseDiskIndex(vm, String.valueOf(i), "skipDataDisks"));
                }
            }
            spec.nics.addAll(mapNics(vm, v.getNics(), byNetwork));
            specs.add(spec);
        }
        complete(specs);
        return specs;
    }

    private List<V2VJobSpec.NicPlan> mapNics(SourceVm vm, List<V2VNicMapping> mappings, Map<String, String> byNetwork) {
        List<V2VJobSpec.NicPlan> plans = new ArrayList<>();
        Set<String> mappedSourceMacs = new HashSet<>();
        if (mappings != null) {
            for (V2VNicMapping m : mappings) {
                SourceVm.Nic src = null;
                if (m.getSourceMac() != null) {
                    String mac = m.getSourceMac().toLowerCase(Locale.ROOT);
                    src = vm.nics.stream().filter(n -> mac.equalsIgnoreCase(n.mac)).findFirst().orElseThrow(() ->
                            invalid("VM %s: nics.sourceMac %s is not a NIC of the source VM", vm.name, mac));
                } else if (m.getSourceNetworkName() != null) {
                    src = vm.nics.stream().filter(n -> m.getSourceNetworkName().equals(n.networkName)
                            && !mappedSourceMacs.contains(n.mac)).findFirst().orElseThrow(() -> invalid(
                            "VM %s: nics.sourceNetworkName %s has no (unmapped) NIC of the source VM", vm.name, m.getSourceNetworkName()));
                }
                if (m.getL3NetworkUuid() == null) {
                    throw invalid("VM %s: nics.l3NetworkUuid is required", vm.name);
                }
                V2VJobSpec.NicPlan p = new V2VJobSpec.NicPlan();
                p.sourceMac = src == null ? null : src.mac;
                p.l3NetworkUuid = m.getL3NetworkUuid();
                p.ip = m.getIp();
                boolean keep = m.getKeepMac() == null || m.getKeepMac();
                p.mac = m.getMac() != null ? m.getMac().toLowerCase(Locale.ROOT) : keep && src != null ? src.mac : null;
                p.defaultNic = Boolean.TRUE.equals(m.getDefaultNic());
                if (src != null) {
                    mappedSourceMacs.add(src.mac);
                }
                plans.add(p);
            }
        }
        for (SourceVm.Nic n : vm.nics) {
            if (mappedSourceMacs.contains(n.mac)) {
                continue;
            }
            String l3 = byNetwork.get(n.networkName);
            if (l3 == null) {
                throw invalid("VM %s: the NIC %s on network %s is mapped to no L3 network (nics or networkMappings)",
                        vm.name, n.mac, n.networkName);
            }
            V2VJobSpec.NicPlan p = new V2VJobSpec.NicPlan();
            p.sourceMac = n.mac;
            p.l3NetworkUuid = l3;
            p.mac = n.mac;
            plans.add(p);
        }
        if (!plans.isEmpty() && plans.stream().noneMatch(p -> p.defaultNic)) {
            plans.get(0).defaultNic = true;
        }
        return plans;
    }

    /** Defaults, target placement and every check; fills the uuids. Throws on the first problem found. */
    private void complete(List<V2VJobSpec> specs) {
        Set<String> sourceVms = new HashSet<>();
        Map<String, Set<String>> macsByL3 = new HashMap<>();
        Set<String> ips = new HashSet<>();
        Map<String, Long> cacheNeeded = new HashMap<>();
        Map<String, Long> storageNeeded = new HashMap<>();
        for (V2VJobSpec spec : specs) {
            SourceVm vm = spec.sourceVm;
            String who = "VM " + vm.name;
            spec.jobUuid = Platform.getUuid();
            spec.targetVmUuid = Platform.getUuid();
            if (spec.name == null || spec.name.isBlank()) {
                spec.name = vm.name + V2VGlobalConfig.TARGET_VM_NAME_SUFFIX.value();
            }
            if (spec.name.length() > 255) {
                throw invalid("%s: name is longer than 255 characters", who);
            }
            if (spec.platform == null) {
                spec.platform = vm.platform != null ? vm.platform : "Linux";
            }
            if (spec.strategy == null) {
                spec.strategy = "InstantStart";
            }
            if (spec.cpuNum < 1 || spec.cpuNum > 1024) {
                throw invalid("%s: cpuNum must be 1 to 1024, not %d", who, spec.cpuNum);
            }
            if (spec.memorySize < 16L << 20) {
                throw invalid("%s: memorySize must be at least 16 MiB, not %d bytes", who, spec.memorySize);
            }
            sources.get(spec.scheme).checkMigratable(vm, spec.skipDisks);
            if (!sourceVms.add(vm.uuid)) {
                throw invalid("%s is given twice", who);
            }
            if (vm.coldOnly && "Running".equals(vm.powerState) && !spec.pauseVm) {
                throw invalid("%s is running: it is migrated cold; shut it off first, or set pauseVm to pause it"
                        + " for the copy", who);
            }
            List<String> jobsOfVm = Q.New(V2VJobVO.class).eq(V2VJobVO_.sourceVmUuid, vm.uuid).listValues(V2VJobVO_.uuid);
            if (!UnfinishedJobs.among(jobsOfVm).isEmpty()) {
                throw new OperationFailureException(err(V2VErrors.SOURCE_VM_BEING_MIGRATED,
                        "%s (uuid:%s) is already being migrated", who, vm.uuid));
            }

            V2VConversionHostVO ch = readyConversionHosts.get(spec.conversionHostUuid, sourceType(spec), who);
            spec.conversionHostUuid = ch.getUuid();
            PrimaryStorageVO ps = dbf.findByUuid(spec.primaryStorageUuid, PrimaryStorageVO.class);
            if (ps == null) {
                throw invalid("%s: primaryStorageUuid %s does not exist", who, spec.primaryStorageUuid);
            }
            if (spec.zoneUuid == null) {
                spec.zoneUuid = ps.getZoneUuid();
            } else if (!spec.zoneUuid.equals(ps.getZoneUuid())) {
                throw invalid("%s: primary storage %s is not in zone %s", who, ps.getName(), spec.zoneUuid);
            }
            placeOnHost(spec, ps, ch, who);

            for (V2VJobSpec.NicPlan n : spec.nics) {
                L3NetworkVO l3 = dbf.findByUuid(n.l3NetworkUuid, L3NetworkVO.class);
                if (l3 == null) {
                    throw invalid("%s: l3NetworkUuid %s does not exist", who, n.l3NetworkUuid);
                }
                if (!spec.zoneUuid.equals(l3.getZoneUuid())) {
                    throw invalid("%s: L3 network %s is not in zone %s", who, l3.getName(), spec.zoneUuid);
                }
                if (n.mac == null) {
                    n.mac = newMac();
                }
                n.mac = n.mac.toLowerCase(Locale.ROOT);
                if (!MAC.matcher(n.mac).matches()) {
                    throw invalid("%s: mac %s is not a MAC address", who, n.mac);
                }
                if (!macsByL3.computeIfAbsent(l3.getUuid(), k -> new HashSet<>()).add(n.mac)
                        || Q.New(VmNicVO.class).eq(VmNicVO_.l3NetworkUuid, l3.getUuid()).eq(VmNicVO_.mac, n.mac).isExists()) {
                    throw invalid("%s: mac %s is already used in L3 network %s", who, n.mac, l3.getName());
                }
                if (n.ip != null) {
                    String reason = ipAllocator.unavailableReason(l3.getUuid(), n.ip);
                    if (reason != null) {
                        throw invalid("%s: ip %s cannot be used: %s", who, n.ip, reason);
                    }
                    if (!ips.add(l3.getUuid() + "/" + n.ip)) {
                        throw invalid("%s: ip %s is given to two NICs", who, n.ip);
                    }
                }
            }

            long bytes = spec.migratedBytes();
            cacheNeeded.merge(ch.getUuid(), bytes, Long::sum);
            storageNeeded.merge(ps.getUuid(), bytes, Long::sum);
            long cacheFree = ch.getAvailableSize() - reservedOn(ch.getUuid());
            if (cacheNeeded.get(ch.getUuid()) > cacheFree) {
                throw new OperationFailureException(err(V2VErrors.NOT_ENOUGH_SPACE, "%s: the cache path of conversion host %s has %d bytes"
                        + " free (after the reservations of running jobs), the migration needs %d", who, ch.getName(), cacheFree,
                        cacheNeeded.get(ch.getUuid())));
            }
            if (storageNeeded.get(ps.getUuid()) > ps.getAvailableCapacity()) {
                throw new OperationFailureException(err(V2VErrors.NOT_ENOUGH_SPACE, "%s: primary storage %s has %d bytes free,"
                        + " the migration needs %d", who, ps.getName(), ps.getAvailableCapacity(), storageNeeded.get(ps.getUuid())));
            }
        }
    }

    /** Chooses the target host (the conversion host itself when it can hold the volumes) and checks it can. */
    private void placeOnHost(V2VJobSpec spec, PrimaryStorageVO ps, V2VConversionHostVO ch, String who) {
        boolean local = PrimaryStorageConstant.LOCAL_STORAGE_TYPE.equals(ps.getType());
        List<String> clusters = Q.New(PrimaryStorageClusterRefVO.class)
                .eq(PrimaryStorageClusterRefVO_.primaryStorageUuid, ps.getUuid()).listValues(PrimaryStorageClusterRefVO_.clusterUuid);
        if (!local) {
            HostVO chHost = dbf.findByUuid(ch.getHostUuid(), HostVO.class);
            if (!clusters.contains(chHost.getClusterUuid())) {
                throw invalid("%s: conversion host %s cannot reach primary storage %s: it is not attached to the conversion"
                        + " host's cluster", who, ch.getName(), ps.getName());
            }
        }
        List<HostVO> candidates;
        if (spec.hostUuid != null) {
            HostVO h = dbf.findByUuid(spec.hostUuid, HostVO.class);
            if (h == null) {
                throw invalid("%s: hostUuid %s does not exist", who, spec.hostUuid);
            }
            candidates = List.of(h);
        } else {
            Q<HostVO> q = Q.New(HostVO.class).eq(HostVO_.zoneUuid, spec.zoneUuid).eq(HostVO_.status, HostStatus.Connected);
            if (spec.clusterUuid != null) {
                q.eq(HostVO_.clusterUuid, spec.clusterUuid);
            }
            candidates = new ArrayList<>(q.list());
            // the conversion host first: its volumes then need no upload
            candidates.sort(Comparator.comparing(h -> !h.getUuid().equals(ch.getHostUuid())));
        }
        for (HostVO h : candidates) {
            String problem = hostProblem(h, spec, ps, local, clusters);
            if (problem == null) {
                spec.hostUuid = h.getUuid();
                spec.clusterUuid = h.getClusterUuid();
                return;
            }
            if (spec.hostUuid != null) {
                throw invalid("%s: host %s cannot run the VM: %s", who, h.getName(), problem);
            }
        }
        throw invalid("%s: no Connected host%s can use primary storage %s", who,
                spec.clusterUuid == null ? "" : " of cluster " + spec.clusterUuid, ps.getName());
    }

    private String hostProblem(HostVO h, V2VJobSpec spec, PrimaryStorageVO ps, boolean local, List<String> clusters) {
        if (h.getStatus() != HostStatus.Connected) {
            return "it is " + h.getStatus();
        }
        if (spec.clusterUuid != null && !spec.clusterUuid.equals(h.getClusterUuid())) {
            return "it is not in cluster " + spec.clusterUuid;
        }
        if (!clusters.contains(h.getClusterUuid())) {
            return "primary storage " + ps.getName() + " is not attached to its cluster";
        }
        if (local && !Q.New(PrimaryStorageHostRefVO.class).eq(PrimaryStorageHostRefVO_.primaryStorageUuid, ps.getUuid())
                .eq(PrimaryStorageHostRefVO_.hostUuid, h.getUuid()).isExists()) {
            return "it has no directory of local primary storage " + ps.getName();
        }
        return null;
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

    private static int parseDiskIndex(SourceVm vm, String s, String field) {
        try {
            int i = Integer.parseInt(s.trim());
            if (i >= 1 && vm.disks.stream().anyMatch(d -> d.index == i)) {
                return i;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw invalid("VM %s: %s names disk %s, but the VM's data disks are 1 to %d (the root disk 0 is always migrated)",
                vm.name, field, s, vm.disks.size() - 1);
    }

    /** A locally administered unicast MAC in QEMU's prefix, as ZStack gives new NICs. */
    private static String newMac() {
        return String.format("52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
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
