package org.zstack.vmware.sync;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.zstack.core.Platform;
import org.zstack.header.cluster.ClusterState;
import org.zstack.header.host.HostState;
import org.zstack.header.host.HostStatus;
import org.zstack.header.storage.primary.PrimaryStorageClusterRefVO;
import org.zstack.header.storage.primary.PrimaryStorageState;
import org.zstack.header.storage.primary.PrimaryStorageStatus;
import org.zstack.header.vm.VmInstanceConstant;
import org.zstack.header.vm.VmInstanceState;
import org.zstack.header.volume.VolumeConstant;
import org.zstack.header.volume.VolumeState;
import org.zstack.header.volume.VolumeStatus;
import org.zstack.header.volume.VolumeType;
import org.zstack.vmware.*;
import org.zstack.vmware.source.GuestPlatform;

import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes the records of one vCenter what a snapshot says, in the caller's transaction: records of objects that are
 * still there keep their uuids (VMs are found by instance uuid, then by managed object reference; everything else by
 * its reference), new objects get new records, records of objects gone are deleted. Unchanged records are not
 * written.
 * <p>
 * The records of objects gone are deleted first, children before parents, and that is flushed before anything is
 * written: vSphere re-creates objects under their old names (a host removed and added back gets a new moref), and
 * the new record must never meet the old one in the database. Then parents are written before children, one kind
 * per flush, so that a database refusal names the kind of records it concerns ({@link StoreFailure}). Only gone
 * clusters and datacenters are deleted last: a host that moved out of a deleted cluster points at it until the host
 * is written, and the database deletes a cluster's hosts with it.
 */
public class VCenterSyncApplier {
    /** What a sync changed, for the log and the tests. */
    public static class Result {
        public int added;
        public int updated;
        public int removed;

        @Override
        public String toString() {
            return String.format("%d added, %d changed, %d removed", added, updated, removed);
        }
    }

    private final EntityManager em;
    private final VCenterVO vc;
    private final VCenterSnapshot s;
    private final Result result = new Result();

    private final Map<String, VCenterDatacenterVO> dcs = new HashMap<>();
    private final Map<String, VCenterClusterVO> clusters = new HashMap<>();
    private final Map<String, ESXHostVO> hosts = new HashMap<>();
    private final Map<String, VCenterResourcePoolVO> pools = new HashMap<>();
    private final Map<String, VCenterPrimaryStorageVO> datastores = new HashMap<>();
    private final Map<String, VCenterNetworkVO> networks = new HashMap<>();

    /** The records before the sync, by managed object reference, without those of objects gone. */
    private Map<String, VCenterDatacenterVO> oldDcs;
    private Map<String, VCenterClusterVO> oldClusters;
    private Map<String, ESXHostVO> oldHosts;
    private Map<String, VCenterResourcePoolVO> oldPools;
    private Map<String, VCenterPrimaryStorageVO> oldDatastores;
    private Map<String, VCenterNetworkVO> oldNetworks;
    /** The record of each VM of the snapshot that has one, and the disks and NICs of the records kept. */
    private final Map<VCenterSnapshot.Vm, VCenterVmInstanceVO> vmRecords = new IdentityHashMap<>();
    private final Map<String, List<VCenterVmNicVO>> oldNics = new HashMap<>();
    private final Map<String, List<VCenterVolumeVO>> oldVolumes = new HashMap<>();
    /** VMs that lost a disk or a NIC in the removals: changed even if nothing else is */
    private final Set<String> vmsLosingDevices = new HashSet<>();

    /** A database refusal while storing one kind of records; the manager turns it into an error in domain words. */
    public static class StoreFailure extends RuntimeException {
        public final String records;

        StoreFailure(String records, RuntimeException cause) {
            super("storing the " + records + " failed", cause);
            this.records = records;
        }
    }

    public VCenterSyncApplier(EntityManager em, VCenterVO vc, VCenterSnapshot s) {
        this.em = em;
        this.vc = vc;
        this.s = s;
    }

    public Result apply() {
        // hundreds of rows in one go: let Hibernate send them in batches
        em.unwrap(Session.class).setJdbcBatchSize(100);

        removeGone();
        flush("records of the objects gone from the vCenter");
        syncDatacenters();
        flush("datacenters");
        syncClusters();
        flush("clusters");
        syncHosts();
        flush("ESX hosts");
        syncPools();
        flush("resource pools");
        syncDatastores();
        flush("datastores");
        syncNetworks();
        flush("networks");
        syncVms();
        flush("VMs with their disks and NICs");
        syncDatastoreClusterRefs();
        flush("datastores' attachments to clusters");
        removeMissing(oldClusters, s.computeResources.stream().map(VCenterSnapshot.ComputeResource::morval).collect(Collectors.toSet()));
        removeMissing(oldDcs, s.datacenters.stream().map(VCenterSnapshot.Datacenter::morval).collect(Collectors.toSet()));
        flush("records of the clusters and datacenters gone from the vCenter");
        return result;
    }

    private void flush(String records) {
        try {
            em.flush();
        } catch (RuntimeException e) {
            throw new StoreFailure(records, e);
        }
    }

    /** Loads the records, matches the VMs, and deletes the records of objects gone, children first (but clusters and datacenters). */
    private void removeGone() {
        oldDcs = by(existing(VCenterDatacenterVO.class), VCenterDatacenterVO::getMorval);
        oldClusters = by(existing(VCenterClusterVO.class), VCenterClusterVO::getMorval);
        oldHosts = by(existing(ESXHostVO.class), ESXHostVO::getMorval);
        oldPools = by(existing(VCenterResourcePoolVO.class), VCenterResourcePoolVO::getMorVal);
        oldDatastores = by(existing(VCenterPrimaryStorageVO.class), VCenterPrimaryStorageVO::getMorval);
        oldNetworks = by(existing(VCenterNetworkVO.class), VCenterNetworkVO::getMorval);

        Set<String> clusterKeys = s.computeResources.stream().map(VCenterSnapshot.ComputeResource::morval).collect(Collectors.toSet());
        // hosts and pools of a compute resource not in the snapshot are not stored (see syncHosts, syncPools)
        Set<String> hostKeys = s.hosts.stream().filter(h -> clusterKeys.contains(h.computeResource()))
                .map(VCenterSnapshot.Host::morval).collect(Collectors.toSet());
        Set<String> poolKeys = s.resourcePools.stream().filter(p -> clusterKeys.contains(p.owner()))
                .map(VCenterSnapshot.ResourcePool::morval).collect(Collectors.toSet());

        List<VCenterVmInstanceVO> oldVms = existing(VCenterVmInstanceVO.class);
        for (VCenterVmNicVO n : existing(VCenterVmNicVO.class)) {
            oldNics.computeIfAbsent(n.getVmInstanceUuid(), k -> new ArrayList<>()).add(n);
        }
        for (VCenterVolumeVO v : existing(VCenterVolumeVO.class)) {
            oldVolumes.computeIfAbsent(v.getVmInstanceUuid(), k -> new ArrayList<>()).add(v);
        }
        matchVms(oldVms);
        Set<String> kept = new HashSet<>();
        for (Map.Entry<VCenterSnapshot.Vm, VCenterVmInstanceVO> e : vmRecords.entrySet()) {
            VCenterVmInstanceVO vo = e.getValue();
            kept.add(vo.getUuid());
            Set<Integer> disks = e.getKey().disks().stream().map(VCenterSnapshot.Disk::key).collect(Collectors.toSet());
            Set<Integer> nics = e.getKey().nics().stream().map(VCenterSnapshot.Nic::key).collect(Collectors.toSet());
            if (removeDevices(oldVolumes.get(vo.getUuid()), v -> disks.contains(v.getDeviceKey()))
                    | removeDevices(oldNics.get(vo.getUuid()), n -> nics.contains(n.getDeviceKey()))) {
                vmsLosingDevices.add(vo.getUuid());
            }
        }
        for (VCenterVmInstanceVO v : oldVms) {
            if (!kept.contains(v.getUuid())) {
                oldNics.getOrDefault(v.getUuid(), List.of()).forEach(em::remove);
                oldVolumes.getOrDefault(v.getUuid(), List.of()).forEach(em::remove);
                em.remove(v);
                result.removed++;
            }
        }
        removeMissing(oldNetworks, s.networks.stream().map(VCenterSnapshot.Network::morval).collect(Collectors.toSet()));
        removeMissing(oldDatastores, s.datastores.stream().map(VCenterSnapshot.Datastore::morval).collect(Collectors.toSet()));
        removeMissing(oldPools, poolKeys);
        removeMissing(oldHosts, hostKeys);
    }

    /** Deletes the records whose reference is not among the keys, and forgets them. */
    private <V> void removeMissing(Map<String, V> old, Set<String> keys) {
        for (Iterator<Map.Entry<String, V>> it = old.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, V> e = it.next();
            if (!keys.contains(e.getKey())) {
                em.remove(e.getValue());
                result.removed++;
                it.remove();
            }
        }
    }

    /** Deletes the disks or NICs that are no longer there; true if there was one. */
    private <V> boolean removeDevices(List<V> devices, java.util.function.Predicate<V> stays) {
        if (devices == null) {
            return false;
        }
        boolean any = false;
        for (Iterator<V> it = devices.iterator(); it.hasNext(); ) {
            V d = it.next();
            if (!stays.test(d)) {
                em.remove(d);
                it.remove();
                any = true;
            }
        }
        return any;
    }

    /**
     * A VM's record: the one of its instance uuid, else the one of its reference when one of the two has no instance
     * uuid (another instance uuid under an old reference is another VM); each record for one VM at most.
     */
    private void matchVms(List<VCenterVmInstanceVO> oldVms) {
        Map<String, VCenterVmInstanceVO> byInstanceUuid = new HashMap<>();
        Map<String, VCenterVmInstanceVO> byMorval = new HashMap<>();
        for (VCenterVmInstanceVO v : oldVms) {
            if (v.getInstanceUuid() != null) {
                byInstanceUuid.putIfAbsent(v.getInstanceUuid(), v);
            }
            byMorval.putIfAbsent(v.getMorval(), v);
        }
        Set<String> used = new HashSet<>();
        // the instance uuids first, for every VM: a VM re-registered under another VM's old reference keeps its record
        for (VCenterSnapshot.Vm m : s.vms) {
            VCenterVmInstanceVO vo = m.instanceUuid() == null ? null : byInstanceUuid.get(m.instanceUuid());
            if (vo != null && used.add(vo.getUuid())) {
                vmRecords.put(m, vo);
            }
        }
        for (VCenterSnapshot.Vm m : s.vms) {
            if (vmRecords.containsKey(m)) {
                continue;
            }
            VCenterVmInstanceVO vo = byMorval.get(m.morval());
            if (vo != null && (vo.getInstanceUuid() == null || m.instanceUuid() == null) && used.add(vo.getUuid())) {
                vmRecords.put(m, vo);
            }
        }
    }

    private <V> List<V> existing(Class<V> clz) {
        return em.createQuery("select v from " + clz.getSimpleName() + " v where v.vCenterUuid = :u", clz)
                .setParameter("u", vc.getUuid()).getResultList();
    }

    private <V> boolean set(V current, V wanted, java.util.function.Consumer<V> setter) {
        if (!Objects.equals(current, wanted)) {
            setter.accept(wanted);
            return true;
        }
        return false;
    }

    private void count(boolean created, boolean changed) {
        if (created) {
            result.added++;
        } else if (changed) {
            result.updated++;
        }
    }

    private static <V> Map<String, V> by(List<V> l, Function<V, String> key) {
        Map<String, V> m = new HashMap<>();
        for (V v : l) {
            m.putIfAbsent(key.apply(v), v);
        }
        return m;
    }

    private void syncDatacenters() {
        Map<String, VCenterDatacenterVO> old = oldDcs;
        for (VCenterSnapshot.Datacenter d : s.datacenters) {
            VCenterDatacenterVO vo = old.get(d.morval());
            boolean created = vo == null;
            if (created) {
                vo = new VCenterDatacenterVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setMorval(d.morval());
            }
            VCenterDatacenterVO v = vo;
            boolean changed = set(v.getName(), d.name(), v::setName);
            if (created) {
                em.persist(vo);
            }
            count(created, changed);
            dcs.put(d.morval(), vo);
        }
    }

    private void syncClusters() {
        Map<String, VCenterClusterVO> old = oldClusters;
        for (VCenterSnapshot.ComputeResource c : s.computeResources) {
            VCenterClusterVO vo = old.get(c.morval());
            boolean created = vo == null;
            if (created) {
                vo = new VCenterClusterVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setMorval(c.morval());
                vo.setZoneUuid(vc.getZoneUuid());
                vo.setState(ClusterState.Enabled);
                vo.setHypervisorType(VCenterConstant.ESX_HYPERVISOR_TYPE);
                vo.setType(VCenterConstant.VCENTER_CLUSTER_TYPE);
                vo.setArchitecture("x86_64");
            }
            VCenterClusterVO v = vo;
            VCenterDatacenterVO dc = dcs.get(c.datacenter());
            boolean changed = set(v.getName(), c.name(), v::setName);
            changed |= set(v.getDataCenterUuid(), dc == null ? null : dc.getUuid(), v::setDataCenterUuid);
            changed |= set(v.isStandalone(), !c.cluster(), v::setStandalone);
            if (created) {
                em.persist(vo);
            }
            count(created, changed);
            clusters.put(c.morval(), vo);
        }
    }

    private void syncHosts() {
        Map<String, ESXHostVO> old = oldHosts;
        for (VCenterSnapshot.Host h : s.hosts) {
            VCenterClusterVO cluster = clusters.get(h.computeResource());
            if (cluster == null) {
                continue;
            }
            ESXHostVO vo = old.get(h.morval());
            boolean created = vo == null;
            if (created) {
                vo = new ESXHostVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setMorval(h.morval());
                vo.setZoneUuid(vc.getZoneUuid());
                vo.setHypervisorType(VCenterConstant.ESX_HYPERVISOR_TYPE);
                vo.setArchitecture("x86_64");
            }
            ESXHostVO v = vo;
            // an ESX host's management address is its name in its vCenter; it is unique in that vCenter only (another
            // vCenter may have a host of that name), and KVM hosts' addresses are unique among KVM hosts only
            boolean changed = set(v.getName(), h.name(), v::setName);
            changed |= set(v.getManagementIp(), h.name(), v::setManagementIp);
            changed |= set(v.getClusterUuid(), cluster.getUuid(), v::setClusterUuid);
            VCenterDatacenterVO dc = dcs.get(h.datacenter());
            changed |= set(v.getDatacenterUuid(), dc == null ? null : dc.getUuid(), v::setDatacenterUuid);
            changed |= set(v.getState(), h.maintenance() ? HostState.Maintenance : HostState.Enabled, v::setState);
            changed |= set(v.getStatus(), "connected".equals(h.connectionState()) ? HostStatus.Connected : HostStatus.Disconnected, v::setStatus);
            changed |= set(v.getConnectionState(), h.connectionState(), v::setConnectionState);
            changed |= set(v.getEsxiVersion(), h.version(), v::setEsxiVersion);
            changed |= set(v.getEsxiBuild(), h.build(), v::setEsxiBuild);
            changed |= set(v.getCpuModelName(), h.cpuModel(), v::setCpuModelName);
            changed |= set(v.getCpuNum(), h.cpuThreads(), v::setCpuNum);
            changed |= set(v.getTotalMemory(), h.memorySize(), v::setTotalMemory);
            Long available = h.memorySize() == null || h.memoryUsageBytes() == null ? h.memorySize()
                    : Math.max(0, h.memorySize() - h.memoryUsageBytes());
            changed |= set(v.getAvailableMemory(), available, v::setAvailableMemory);
            if (created) {
                em.persist(vo);
            }
            count(created, changed);
            hosts.put(h.morval(), vo);
        }
    }

    private void syncPools() {
        Map<String, VCenterResourcePoolVO> old = oldPools;
        List<VCenterSnapshot.ResourcePool> kept = new ArrayList<>();
        for (VCenterSnapshot.ResourcePool p : s.resourcePools) {
            VCenterClusterVO owner = clusters.get(p.owner());
            if (owner == null) {
                continue;
            }
            VCenterResourcePoolVO vo = old.get(p.morval());
            boolean created = vo == null;
            if (created) {
                vo = new VCenterResourcePoolVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setMorVal(p.morval());
            }
            VCenterResourcePoolVO v = vo;
            boolean changed = set(v.getName(), p.name(), v::setName);
            changed |= set(v.getVCenterClusterUuid(), owner.getUuid(), v::setVCenterClusterUuid);
            changed |= set(v.getCPULimit(), p.cpuLimit(), v::setCPULimit);
            changed |= set(v.getCPUOverheadLimit(), p.cpuOverheadLimit(), v::setCPUOverheadLimit);
            changed |= set(v.getCPUReservation(), p.cpuReservation(), v::setCPUReservation);
            changed |= set(v.getCPUShares(), p.cpuShares(), v::setCPUShares);
            changed |= set(v.getCPULevel(), p.cpuLevel(), v::setCPULevel);
            changed |= set(v.getMemoryLimit(), p.memoryLimit(), v::setMemoryLimit);
            changed |= set(v.getMemoryOverheadLimit(), p.memoryOverheadLimit(), v::setMemoryOverheadLimit);
            changed |= set(v.getMemoryReservation(), p.memoryReservation(), v::setMemoryReservation);
            changed |= set(v.getMemoryShares(), p.memoryShares(), v::setMemoryShares);
            changed |= set(v.getMemoryLevel(), p.memoryLevel(), v::setMemoryLevel);
            if (created) {
                em.persist(vo);
            }
            count(created, changed);
            pools.put(p.morval(), vo);
            kept.add(p);
        }
        // the parents, once every pool has its uuid
        for (VCenterSnapshot.ResourcePool p : kept) {
            VCenterResourcePoolVO vo = pools.get(p.morval());
            VCenterResourcePoolVO parent = p.parent() == null ? null : pools.get(p.parent());
            vo.setParentUuid(parent == null ? null : parent.getUuid());
        }
    }

    private void syncDatastores() {
        Map<String, VCenterPrimaryStorageVO> old = oldDatastores;
        for (VCenterSnapshot.Datastore d : s.datastores) {
            VCenterPrimaryStorageVO vo = old.get(d.morval());
            boolean created = vo == null;
            if (created) {
                vo = new VCenterPrimaryStorageVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setMorval(d.morval());
                vo.setZoneUuid(vc.getZoneUuid());
                vo.setType(VCenterConstant.VCENTER_PRIMARY_STORAGE_TYPE);
                vo.setState(PrimaryStorageState.Enabled);
            }
            VCenterPrimaryStorageVO v = vo;
            VCenterDatacenterVO dc = dcs.get(d.datacenter());
            boolean changed = set(v.getName(), d.name(), v::setName);
            changed |= set(v.getDatastore(), d.name(), v::setDatastore);
            changed |= set(v.getUrl(), d.url() == null ? "ds:///" + d.morval() : d.url(), v::setUrl);
            changed |= set(v.getDatastoreType(), d.type(), v::setDatastoreType);
            changed |= set(v.getDatacenterUuid(), dc == null ? null : dc.getUuid(), v::setDatacenterUuid);
            changed |= set(v.getTotalCapacity(), d.capacity(), v::setTotalCapacity);
            changed |= set(v.getAvailableCapacity(), d.freeSpace(), v::setAvailableCapacity);
            changed |= set(v.getStatus(), d.accessible() ? PrimaryStorageStatus.Connected : PrimaryStorageStatus.Disconnected, v::setStatus);
            if (created) {
                em.persist(vo);
            }
            count(created, changed);
            datastores.put(d.morval(), vo);
        }
    }

    /** A datastore is attached to the clusters whose hosts mount it. */
    private void syncDatastoreClusterRefs() {
        Set<String> wanted = new HashSet<>();
        for (VCenterSnapshot.Host h : s.hosts) {
            VCenterClusterVO c = clusters.get(h.computeResource());
            if (c == null) {
                continue;
            }
            for (String ds : h.datastores()) {
                VCenterPrimaryStorageVO p = datastores.get(ds);
                if (p != null) {
                    wanted.add(p.getUuid() + "/" + c.getUuid());
                }
            }
        }
        List<PrimaryStorageClusterRefVO> refs = em.createQuery("select r from PrimaryStorageClusterRefVO r where r.primaryStorageUuid in"
                        + " (select p.uuid from VCenterPrimaryStorageVO p where p.vCenterUuid = :u)", PrimaryStorageClusterRefVO.class)
                .setParameter("u", vc.getUuid()).getResultList();
        Set<String> have = new HashSet<>();
        for (PrimaryStorageClusterRefVO r : refs) {
            String k = r.getPrimaryStorageUuid() + "/" + r.getClusterUuid();
            if (!wanted.contains(k) || !have.add(k)) {
                em.remove(r);
            }
        }
        for (String k : wanted) {
            if (have.contains(k)) {
                continue;
            }
            PrimaryStorageClusterRefVO r = new PrimaryStorageClusterRefVO();
            r.setPrimaryStorageUuid(k.substring(0, k.indexOf('/')));
            r.setClusterUuid(k.substring(k.indexOf('/') + 1));
            em.persist(r);
        }
    }

    private void syncNetworks() {
        Map<String, VCenterNetworkVO> old = oldNetworks;
        for (VCenterSnapshot.Network n : s.networks) {
            VCenterNetworkVO vo = old.get(n.morval());
            boolean created = vo == null;
            if (created) {
                vo = new VCenterNetworkVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setMorval(n.morval());
            }
            VCenterNetworkVO v = vo;
            VCenterDatacenterVO dc = dcs.get(n.datacenter());
            boolean changed = set(v.getName(), n.name(), v::setName);
            changed |= set(v.getDatacenterUuid(), dc == null ? null : dc.getUuid(), v::setDatacenterUuid);
            changed |= set(v.getType(), n.type(), v::setType);
            changed |= set(v.getDvSwitchName(), n.dvSwitchName(), v::setDvSwitchName);
            changed |= set(v.getDvSwitchUuid(), n.dvSwitchUuid(), v::setDvSwitchUuid);
            changed |= set(v.getPortgroupKey(), n.portgroupKey(), v::setPortgroupKey);
            changed |= set(v.getVlanId(), n.vlanId(), v::setVlanId);
            changed |= set(v.isUplink(), n.uplink(), v::setUplink);
            if (created) {
                em.persist(vo);
            }
            count(created, changed);
            networks.put(n.morval(), vo);
        }
    }

    static VmInstanceState state(String powerState) {
        if (powerState == null) {
            return VmInstanceState.Unknown;
        }
        return switch (powerState) {
            case "poweredOn" -> VmInstanceState.Running;
            case "poweredOff" -> VmInstanceState.Stopped;
            case "suspended" -> VmInstanceState.Paused;
            default -> VmInstanceState.Unknown;
        };
    }

    private void syncVms() {
        for (VCenterSnapshot.Vm m : s.vms) {
            VCenterVmInstanceVO vo = vmRecords.get(m);
            boolean created = vo == null;
            if (created) {
                vo = new VCenterVmInstanceVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setZoneUuid(vc.getZoneUuid());
                vo.setHypervisorType(VCenterConstant.ESX_HYPERVISOR_TYPE);
                vo.setType(VmInstanceConstant.USER_VM_TYPE);
                vo.setArchitecture("x86_64");
            }
            VCenterVmInstanceVO v = vo;
            ESXHostVO host = m.host() == null ? null : hosts.get(m.host());
            VCenterClusterVO cluster = host == null ? null : clusters.get(hostCompute(m.host()));
            VCenterDatacenterVO dc = dcs.get(m.datacenter());
            VCenterResourcePoolVO pool = m.resourcePool() == null ? null : pools.get(m.resourcePool());
            boolean changed = set(v.getName(), m.name(), v::setName);
            changed |= set(v.getDescription(), m.annotation() == null || m.annotation().isEmpty() ? null : m.annotation(), v::setDescription);
            changed |= set(v.getMorval(), m.morval(), v::setMorval);
            changed |= set(v.getInstanceUuid(), m.instanceUuid(), v::setInstanceUuid);
            changed |= set(v.getBiosUuid(), m.biosUuid(), v::setBiosUuid);
            changed |= set(v.getHostUuid(), host == null ? null : host.getUuid(), v::setHostUuid);
            changed |= set(v.getClusterUuid(), cluster == null ? null : cluster.getUuid(), v::setClusterUuid);
            changed |= set(v.getDatacenterUuid(), dc == null ? null : dc.getUuid(), v::setDatacenterUuid);
            changed |= set(v.getResourcePoolUuid(), pool == null ? null : pool.getUuid(), v::setResourcePoolUuid);
            changed |= set(v.getState(), state(m.powerState()), v::setState);
            changed |= set(v.getPowerState(), m.powerState(), v::setPowerState);
            changed |= set(v.getGuestId(), m.guestId(), v::setGuestId);
            changed |= set(v.getGuestFullName(), m.guestFullName(), v::setGuestFullName);
            changed |= set(v.getGuestOsType(), m.guestFullName() != null ? m.guestFullName() : m.guestId(), v::setGuestOsType);
            changed |= set(v.getPlatform(), GuestPlatform.of(m.guestId(), m.guestFullName(), m.annotation()), v::setPlatform);
            changed |= set(v.getFirmware(), m.firmware(), v::setFirmware);
            changed |= set(v.getCpuNum(), m.cpuNum(), v::setCpuNum);
            changed |= set(v.getNumCoresPerSocket(), m.coresPerSocket(), v::setNumCoresPerSocket);
            changed |= set(v.getMemorySize(), m.memoryMB() * 1024 * 1024, v::setMemorySize);
            changed |= set(v.getVmxVersion(), m.vmxVersion(), v::setVmxVersion);
            changed |= set(v.isChangeTrackingEnabled(), m.changeTrackingEnabled(), v::setChangeTrackingEnabled);
            changed |= set(v.getVmPathName(), m.vmPathName(), v::setVmPathName);
            changed |= set(v.getBootOrder(), m.boot().order(), v::setBootOrder);
            changed |= set(v.getBootDiskKey(), m.boot().diskKey(), v::setBootDiskKey);
            changed |= set(v.isSecureBoot(), m.boot().secureBoot(), v::setSecureBoot);
            changed |= set(v.isEncrypted(), m.encrypted(), v::setEncrypted);
            changed |= set(v.getConnectedMedia(), m.media().isEmpty() ? null : m.media().stream()
                    .map(x -> x.label() + ": " + x.what()).collect(Collectors.joining("; ")), v::setConnectedMedia);
            if (created) {
                em.persist(vo);
            }
            changed |= syncVolumes(vo, m, oldVolumes.getOrDefault(vo.getUuid(), List.of()));
            changed |= syncNics(vo, m, oldNics.getOrDefault(vo.getUuid(), List.of()));
            changed |= vmsLosingDevices.contains(vo.getUuid());
            count(created, changed);
        }
    }

    private Map<String, String> hostComputes;

    private String hostCompute(String hostMorval) {
        if (hostComputes == null) {
            hostComputes = new HashMap<>();
            s.hosts.forEach(h -> hostComputes.put(h.morval(), h.computeResource()));
        }
        return hostComputes.get(hostMorval);
    }

    private boolean syncVolumes(VCenterVmInstanceVO vm, VCenterSnapshot.Vm m, List<VCenterVolumeVO> old) {
        Map<Integer, VCenterVolumeVO> byKey = new HashMap<>();
        old.forEach(v -> byKey.putIfAbsent(v.getDeviceKey(), v));
        boolean anyChange = false;
        String root = null;
        int deviceId = 0;
        // the disk the VM boots from is the root volume (device 0), the others follow in vSphere's order
        List<VCenterSnapshot.Disk> disks = new ArrayList<>(m.disks());
        Integer bootDisk = m.boot().diskKey();
        disks.sort(Comparator.comparing(d -> !Objects.equals(bootDisk, d.key())));
        for (VCenterSnapshot.Disk d : disks) {
            VCenterVolumeVO vo = byKey.get(d.key());
            boolean created = vo == null;
            if (created) {
                vo = new VCenterVolumeVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setVmInstanceUuid(vm.getUuid());
                vo.setDeviceKey(d.key());
                vo.setFormat(VolumeConstant.VOLUME_FORMAT_VMDK);
                vo.setState(VolumeState.Enabled);
                vo.setStatus(VolumeStatus.Ready);
            }
            VCenterVolumeVO v = vo;
            VCenterPrimaryStorageVO ds = d.datastore() == null ? null : datastores.get(d.datastore());
            int id = deviceId++;
            boolean changed = set(v.getName(), d.label() == null ? "disk-" + d.key() : d.label(), v::setName);
            changed |= set(v.getDeviceId(), id, v::setDeviceId);
            changed |= set(v.getType(), id == 0 ? VolumeType.Root : VolumeType.Data, v::setType);
            changed |= set(v.getInstallPath(), d.fileName(), v::setInstallPath);
            changed |= set(v.getPrimaryStorageUuid(), ds == null ? null : ds.getUuid(), v::setPrimaryStorageUuid);
            changed |= set(v.getDatastoreMorval(), d.datastore(), v::setDatastoreMorval);
            changed |= set(v.getSize(), d.capacityBytes(), v::setSize);
            changed |= set(v.getActualSize(), d.actualSize(), v::setActualSize);
            changed |= set(v.getThin(), d.thin(), v::setThin);
            changed |= set(v.getDiskMode(), d.diskMode(), v::setDiskMode);
            changed |= set(v.getBackingType(), d.backingType(), v::setBackingType);
            changed |= set(v.getDiskUuid(), d.diskUuid(), v::setDiskUuid);
            changed |= set(v.getControllerKey(), d.controllerKey(), v::setControllerKey);
            changed |= set(v.getUnitNumber(), d.unitNumber(), v::setUnitNumber);
            changed |= set(v.getControllerType(), d.controllerType(), v::setControllerType);
            changed |= set(v.getSharing(), d.sharing(), v::setSharing);
            changed |= set(v.getCompatibilityMode(), d.compatibilityMode(), v::setCompatibilityMode);
            if (created) {
                em.persist(vo);
            }
            if (id == 0) {
                root = vo.getUuid();
            }
            anyChange |= created || changed;
        }
        anyChange |= set(vm.getRootVolumeUuid(), root, vm::setRootVolumeUuid);
        return anyChange;
    }

    private boolean syncNics(VCenterVmInstanceVO vm, VCenterSnapshot.Vm m, List<VCenterVmNicVO> old) {
        Map<Integer, VCenterVmNicVO> byKey = new HashMap<>();
        old.forEach(n -> byKey.putIfAbsent(n.getDeviceKey(), n));
        boolean anyChange = false;
        int deviceId = 0;
        for (VCenterSnapshot.Nic n : m.nics()) {
            VCenterVmNicVO vo = byKey.get(n.key());
            boolean created = vo == null;
            if (created) {
                vo = new VCenterVmNicVO();
                vo.setUuid(Platform.getUuid());
                vo.setVCenterUuid(vc.getUuid());
                vo.setVmInstanceUuid(vm.getUuid());
                vo.setDeviceKey(n.key());
                vo.setHypervisorType(VCenterConstant.ESX_HYPERVISOR_TYPE);
            }
            VCenterVmNicVO v = vo;
            VCenterNetworkVO net = n.network() == null ? null : networks.get(n.network());
            int id = deviceId++;
            boolean changed = set(v.getMac(), n.mac() == null ? "" : n.mac().toLowerCase(Locale.ROOT), v::setMac);
            changed |= set(v.getDeviceId(), id, v::setDeviceId);
            changed |= set(v.getDriverType(), n.adapterType(), v::setDriverType);
            changed |= set(v.getNetworkUuid(), net == null ? null : net.getUuid(), v::setNetworkUuid);
            changed |= set(v.getNetworkName(), n.networkName(), v::setNetworkName);
            changed |= set(v.getNetworkType(), n.networkType(), v::setNetworkType);
            changed |= set(v.getPortgroupKey(), n.portgroupKey(), v::setPortgroupKey);
            changed |= set(v.getDvSwitchUuid(), n.dvSwitchUuid(), v::setDvSwitchUuid);
            changed |= set(v.isConnected(), n.connected(), v::setConnected);
            if (created) {
                em.persist(vo);
            }
            anyChange |= created || changed;
        }
        return anyChange;
    }
}
