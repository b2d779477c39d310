package org.zstack.test.integration.vmware

import groovy.json.JsonOutput
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.zstack.core.Platform
import org.zstack.core.db.Q
import org.zstack.header.host.HostVO
import org.zstack.sdk.*
import org.zstack.testlib.TestDatabase
import org.zstack.testlib.vsphere.VCenterSimulator
import org.zstack.vmware.*

/**
 * Records follow vSphere's identities, not names (issue 16): a host removed from vCenter and added back under its
 * name (a new moref) and a model whose morefs all shift sync exactly, and keep syncing; three vCenters on one
 * address with the same host names each keep their hosts under their own names; the same vCenter under another
 * address is refused by its instance uuid; a database refusal during a sync is told in domain words, with no SQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class VCenterIdentityCase {
    static VCenterEnv env
    static VCenterSimulator vc
    static VCenterInventory vcenter
    static List<VCenterSimulator> others = []

    /** 1 datacenter, 2 clusters and a standalone host (6 hosts), 2 datastores, 3 standard and 2 distributed portgroups, 12 VMs. */
    static Map model() {
        [
                password   : VCenterEnv.PASSWORD,
                datacenters: [[name           : "DC0",
                               clusters       : [[name: "DC0_C0", hosts: 3], [name: "DC0_C1", hosts: 2]],
                               standaloneHosts: 1,
                               datastores     : 2,
                               portgroups     : ["VM Network", [name: "VLAN100", vlan: 100], [name: "VLAN200", vlan: 200]],
                               dvSwitches     : 1, dvPortgroupsPerSwitch: 2,
                               vms            : 12]],
                vmDefaults : [disks: 2, nics: 2, diskCapacityMB: 1],
        ]
    }

    @BeforeAll
    static void boot() {
        env = new VCenterEnv()
        vc = VCenterSimulator.start(model())
        vcenter = env.addVCenter(vc, "a")
    }

    @AfterAll
    static void shutdown() {
        others.each { it.stop() }
        vc?.stop()
        env?.stop()
    }

    static <T> List<T> of(Class<T> clz, String vCenterUuid) {
        Q.New(clz).eq("vCenterUuid", vCenterUuid).list() as List<T>
    }

    /**
     * Every record of the vCenter against what the simulator holds: one record per object, by moref, with its name,
     * and every link of a VM (host, cluster, NICs' networks, disks' datastores) to the record of the right object.
     */
    static void assertRecordsMatch(String vCenterUuid, VCenterSimulator sim) {
        Map inv = sim.inventory()
        Map dc = (inv.datacenters as List<Map>)[0]
        List<Map> simHosts = dc.hosts as List<Map>
        List<ESXHostVO> hosts = of(ESXHostVO, vCenterUuid)
        assert hosts.size() == simHosts.size()
        assert hosts.collect { [it.morval, it.name, it.managementIp] }.sort() == simHosts.collect { [it.moid, it.name, it.name] }.sort()
        Map<String, ESXHostVO> hostsByUuid = hosts.collectEntries { [(it.uuid): it] }

        List<VCenterClusterVO> clusters = of(VCenterClusterVO, vCenterUuid)
        List<Map> simClusters = dc.clusters as List<Map>
        // the standalone host's compute resource is a cluster record too
        assert clusters.findAll { !it.standalone }.collect { [it.morval, it.name] }.sort() == simClusters.collect { [it.moid, it.name] }.sort()
        assert clusters.size() == simClusters.size() + simHosts.count { !it.cluster }
        Map<String, VCenterClusterVO> clustersByUuid = clusters.collectEntries { [(it.uuid): it] }
        hosts.each { assert clustersByUuid[it.clusterUuid] != null: "host ${it.name} in a cluster of its vCenter" }

        List<VCenterPrimaryStorageVO> datastores = of(VCenterPrimaryStorageVO, vCenterUuid)
        assert datastores.collect { [it.morval, it.name] }.sort() == (dc.datastores as List<Map>).collect { [it.moid, it.name] }.sort()
        Map<String, String> datastoreNames = datastores.collectEntries { [(it.uuid): it.name] }
        List<VCenterNetworkVO> networks = of(VCenterNetworkVO, vCenterUuid)
        assert networks.collect { [it.morval, it.name] }.sort() == (dc.networks as List<Map>).collect { [it.moid, it.name] }.sort()
        Map<String, String> networkNames = networks.collectEntries { [(it.uuid): it.name] }

        List<Map> simVms = inv.vms as List<Map>
        List<VCenterVmInstanceVO> vms = of(VCenterVmInstanceVO, vCenterUuid)
        assert vms.size() == simVms.size()
        Map<String, VCenterVmInstanceVO> vmsByName = vms.collectEntries { [(it.name): it] }
        List<VCenterVmNicVO> nics = of(VCenterVmNicVO, vCenterUuid)
        List<VCenterVolumeVO> volumes = of(VCenterVolumeVO, vCenterUuid)
        assert nics.size() == simVms.sum { (it.nics as List).size() }
        assert volumes.size() == simVms.sum { (it.disks as List).size() }
        for (Map m : simVms) {
            VCenterVmInstanceVO v = vmsByName[m.name as String]
            assert v != null: m.name
            assert v.morval == m.moid && v.instanceUuid == m.instanceUuid
            assert hostsByUuid[v.hostUuid]?.name == m.host: "${m.name} on ${m.host}"
            String cluster = m.cluster ?: m.host // a standalone host's compute resource has the host's name
            assert clustersByUuid[v.clusterUuid]?.name == cluster: "${m.name} in ${cluster}"
            assert nics.findAll { it.vmInstanceUuid == v.uuid }.sort { it.deviceKey }.collect { networkNames[it.networkUuid] } ==
                    (m.nics as List<Map>).sort { it.key }.collect { it.network }: m.name
            assert volumes.findAll { it.vmInstanceUuid == v.uuid }.sort { it.deviceKey }.collect { datastoreNames[it.primaryStorageUuid] } ==
                    (m.disks as List<Map>).sort { it.key }.collect { it.datastore }: m.name
        }
    }

    static Map<String, String> vmUuids(String vCenterUuid) {
        of(VCenterVmInstanceVO, vCenterUuid).collectEntries { [(it.name): it.uuid] }
    }

    static VCenterInventory vCenter(String uuid) {
        env.query(new QueryVCenterAction(), ["uuid=${uuid}".toString()])[0] as VCenterInventory
    }

    /** The change count of the last sync of a vCenter, from the node's log line. */
    static String lastSyncResult(String uuid) {
        String line = env.log.containing("synced vCenter[uuid:${uuid}").last()
        return (line =~ /VMs; (.*)$/)[0][1]
    }

    @Test
    @Order(1)
    void aHostRemovedAndAddedBackUnderItsNameSyncsAndTheSyncsGoOn() {
        assertRecordsMatch(vcenter.uuid, vc)
        Map<String, String> before = vmUuids(vcenter.uuid)
        ESXHostVO old = of(ESXHostVO, vcenter.uuid).find { it.name == "DC0_C0_H0" }
        Map readd = vc.readdHost("DC0_C0_H0", true)
        assert readd.oldMoid == old.morval && readd.moid != old.morval && !(readd.vms as Map).isEmpty()

        VCenterInventory after = env.sync(vcenter.uuid)
        assert after.lastSyncError == null
        assertRecordsMatch(vcenter.uuid, vc)
        // the host is a new object for vSphere: a new record; its VMs are the same VMs (instance uuids): their records
        assert Q.New(HostVO).eq("uuid", old.uuid).count() == 0
        assert of(ESXHostVO, vcenter.uuid).find { it.name == "DC0_C0_H0" }.morval == readd.moid
        assert vmUuids(vcenter.uuid) == before
        assert lastSyncResult(vcenter.uuid).startsWith("1 added")

        // the periodic sync keeps following: another re-add, found without anybody asking
        Map again = vc.readdHost("DC0_C1_H1")
        env.updateGlobalConfig("vmware", "sync.interval", "1")
        try {
            VCenterEnv.waitUntil(30000) { of(ESXHostVO, vcenter.uuid).find { it.name == "DC0_C1_H1" }.morval == again.moid }
        } finally {
            env.updateGlobalConfig("vmware", "sync.interval", "600")
        }
        assert vCenter(vcenter.uuid).lastSyncError == null
        assertRecordsMatch(vcenter.uuid, vc)
        assert env.log.containing("the periodic sync of vCenter").isEmpty()
    }

    @Test
    @Order(2)
    void morefsThatShiftLeaveEveryRecordOnItsObject() {
        Map<String, String> before = vmUuids(vcenter.uuid)
        // every old moref now names another object of its kind
        Map shifted = vc.shiftMorefs(["HostSystem", "ComputeResource", "ClusterComputeResource", "Datastore", "Network", "VirtualMachine"])
        assert (shifted.HostSystem as Map).size() == 6 && (shifted.VirtualMachine as Map).size() == 12
        env.sync(vcenter.uuid)
        assertRecordsMatch(vcenter.uuid, vc)
        // VMs are found by instance uuid: each keeps its record under its new moref
        assert vmUuids(vcenter.uuid) == before
        env.sync(vcenter.uuid)
        assert lastSyncResult(vcenter.uuid) == "0 added, 0 changed, 0 removed"
    }

    @Test
    @Order(3)
    void aConflictWhileStoringIsToldInDomainWordsWithoutSql() {
        // a unique key the sync does not know, and a VM record of the target cloud that holds the name a VM of the
        // vCenter is renamed to: storing the rename fails in the database
        String index = "ukTestOnlyVmName"
        String kvmVm = Platform.getUuid()
        env.dbf.transactionVoid { em ->
            em.createNativeQuery("INSERT INTO VmInstanceVO (uuid, name, zoneUuid, hypervisorType, type, state)" +
                    " VALUES (:u, 'taken-name', :z, 'KVM', 'UserVm', 'Stopped')").setParameter("u", kvmVm)
                    .setParameter("z", env.zone.uuid).executeUpdate()
            em.createNativeQuery("CREATE UNIQUE INDEX ${index} ON VmInstanceVO (name)".toString()).executeUpdate()
        }
        try {
            vc.rename("DC0_VM1", "taken-name")
            env.log.lines.clear()
            def r = new SyncVCenterAction(uuid: vcenter.uuid, sessionId: env.session).call()
            assert r.error?.code == "VCENTER.1005": r.error
            assert r.error.cause?.code == "VCENTER.1201": JsonOutput.toJson(r.error)
            assert r.error.details.contains("VMs") && r.error.details.contains("conflicts with records already stored")
            String lastSyncError = vCenter(vcenter.uuid).lastSyncError
            assert lastSyncError != null && lastSyncError.contains("conflicts with records already stored")
            for (String text : [JsonOutput.toJson(r.error), lastSyncError]) {
                String t = text.toLowerCase(Locale.ROOT)
                for (String word : [index.toLowerCase(Locale.ROOT), "vminstancevo", "insert ", "update ", "select ", "sql",
                                    "constraint", "duplicate", "jdbc", "hibernate", "exception", "values", "taken-name"]) {
                    assert !t.contains(word): "'${word}' in ${text}"
                }
            }
            // the node's log has the database's own answer
            assert env.log.lines.any { it.toLowerCase(Locale.ROOT).contains(index.toLowerCase(Locale.ROOT)) }
            assert of(VCenterVmInstanceVO, vcenter.uuid).find { it.name == "DC0_VM1" } != null: "nothing changed"
        } finally {
            env.dbf.transactionVoid { em ->
                em.createNativeQuery((TestDatabase.isMariaDB() ? "DROP INDEX ${index} ON VmInstanceVO" : "DROP INDEX ${index}").toString()).executeUpdate()
                em.createNativeQuery("DELETE FROM VmInstanceVO WHERE uuid = :u").setParameter("u", kvmVm).executeUpdate()
            }
        }
        env.sync(vcenter.uuid)
        assert vCenter(vcenter.uuid).lastSyncError == null
        assert of(VCenterVmInstanceVO, vcenter.uuid).find { it.name == "taken-name" } != null
        vc.rename("taken-name", "DC0_VM1")
        env.sync(vcenter.uuid)
        assertRecordsMatch(vcenter.uuid, vc)
    }

    @Test
    @Order(4)
    void hostNamesThatCollideAcrossVCentersOnOneAddressStayTheirOwn() {
        List<VCenterInventory> added = [vcenter]
        for (int i = 0; i < 2; i++) {
            VCenterSimulator sim = VCenterSimulator.start(model())
            others << sim
            assert sim.host == vc.host && sim.port != vc.port
            added << env.addVCenter(sim, "vc-${i}")
        }
        [vc, *others].eachWithIndex { VCenterSimulator sim, int i -> assertRecordsMatch(added[i].uuid, sim) }
        List<ESXHostVO> all = Q.New(ESXHostVO).list() as List<ESXHostVO>
        assert all.size() == 18
        assert all.every { it.name == it.managementIp && !it.name.contains("@") }
        assert all.groupBy { it.name }.every { name, hosts -> hosts*.vCenterUuid.toSet().size() == 3 }

        // KVM hosts keep a unique management address, which ESX host names do not take from them
        String cluster = of(VCenterClusterVO, vcenter.uuid)[0].uuid
        List<String> kvm = []
        def insert = { String ip ->
            String uuid = Platform.getUuid()
            env.dbf.transactionVoid { em ->
                em.createNativeQuery("INSERT INTO HostVO (uuid, zoneUuid, clusterUuid, name, managementIp, hypervisorType, state, status)" +
                        " VALUES (:u, :z, :c, :n, :ip, 'KVM', 'Enabled', 'Connected')")
                        .setParameter("u", uuid).setParameter("z", env.zone.uuid).setParameter("c", cluster)
                        .setParameter("n", "kvm-" + uuid).setParameter("ip", ip).executeUpdate()
            }
            kvm << uuid
        }
        try {
            insert("DC0_C0_H0")
            boolean refused = false
            try {
                insert("DC0_C0_H0")
            } catch (Exception ignored) {
                refused = true
            }
            assert refused: "two KVM hosts with one management address"
        } finally {
            env.dbf.transactionVoid { em -> em.createNativeQuery("DELETE FROM HostVO WHERE uuid IN (:u)").setParameter("u", kvm).executeUpdate() }
        }
    }

    @Test
    @Order(5)
    void theSameVCenterUnderAnotherAddressIsRefused() {
        String instanceUuid = vc.inventory().about.instanceUuid
        assert instanceUuid && vc.inventory().about.instanceUuid == instanceUuid: "stable per simulator"
        assert others.collect { it.inventory().about.instanceUuid }.toSet().size() == 2
        assert !others.any { it.inventory().about.instanceUuid == instanceUuid }: "distinct between simulators"
        assert vCenter(vcenter.uuid).instanceUuid == instanceUuid

        int vms = Q.New(VCenterVmInstanceVO).count()
        def r = new AddVCenterAction(name: "again", domainName: "localhost", port: vc.port, username: vc.username,
                password: vc.password, zoneUuid: env.zone.uuid, sessionId: env.session).call()
        assert r.error?.code == "VCENTER.1200": r.error
        assert r.error.details.contains(vcenter.uuid) && r.error.details.contains("name:a]"): r.error.details
        assert env.query(new QueryVCenterAction()).size() == 3
        assert Q.New(VCenterVmInstanceVO).count() == vms

        // nor can another vCenter record be pointed at it
        VCenterInventory second = env.query(new QueryVCenterAction(), ["name=vc-0"])[0] as VCenterInventory
        def u = new UpdateVCenterAction(uuid: second.uuid, domainName: "localhost", port: vc.port, sessionId: env.session).call()
        assert u.error?.code == "VCENTER.1200": u.error
        assert vCenter(second.uuid).port == second.port
    }
}
