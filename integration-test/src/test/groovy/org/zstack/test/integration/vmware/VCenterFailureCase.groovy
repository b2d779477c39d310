package org.zstack.test.integration.vmware

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.zstack.sdk.*
import org.zstack.testlib.vsphere.VCenterSimulator

import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/**
 * A vCenter that stops answering in the middle of a sync (hangs, answers 503, drops the connection): the sync fails
 * cleanly and the records stay as they were, until a later sync succeeds. Two syncs at once run one after the other.
 * The periodic sync follows vSphere by itself. Deleting the zone deletes its vCenter and all the records.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class VCenterFailureCase {
    static VCenterEnv env
    static VCenterSimulator vc
    static VCenterInventory vcenter

    @BeforeAll
    static void boot() {
        env = new VCenterEnv()
        vc = VCenterSimulator.start([password   : VCenterEnv.PASSWORD, datacenters: 2, clustersPerDatacenter: 1, hostsPerCluster: 2,
                                     vmsPerDatacenter: 10, vmDefaults: [disks: 2, nics: 2, diskCapacityMB: 1]])
        vcenter = env.addVCenter(vc)
        // a vCenter that stops answering is given up after 2 s
        env.updateGlobalConfig("vmware", "connection.readTimeout", "2")
    }

    @AfterAll
    static void shutdown() {
        vc?.stop()
        env?.stop()
    }

    /** Every record of the vCenter, with the time of its last change: what must not move when a sync fails. */
    static Map<String, Object> records() {
        [
                vms     : env.query(new QueryVmInstanceAction(), ["hypervisorType=ESX"]).collect {
                    VmInstanceInventory v = it as VmInstanceInventory
                    [v.uuid, v.name, v.state, v.lastOpDate, v.vmNics*.uuid, v.allVolumes*.uuid]
                }.sort { it[1] },
                hosts   : env.query(new QueryESXHostAction()).collect { [it.uuid, it.name, it.lastOpDate] }.sort { it[1] },
                clusters: env.query(new QueryVCenterClusterAction()).collect { [it.uuid, it.name, it.lastOpDate] }.sort { it[1] },
                ds      : env.query(new QueryVCenterPrimaryStorageAction()).collect { [it.uuid, it.name, it.lastOpDate] }.sort { it[1] },
                networks: env.query(new QueryVCenterNetworkAction()).collect { [it.uuid, it.name, it.lastOpDate] }.sort { it[1] },
                pools   : env.query(new QueryVCenterResourcePoolAction()).collect { [it.uuid, it.name, it.lastOpDate] }.sort { it[1] },
                dcs     : env.query(new QueryVCenterDatacenterAction()).collect { [it.uuid, it.name, it.lastOpDate] }.sort { it[1] },
        ]
    }

    @Test
    @Order(1)
    void aVCenterThatStopsAnsweringMidSyncLeavesTheRecordsAsTheyWere() {
        Map before = records()
        assert (before.vms as List).size() == 20
        // changes the failed sync must not bring in
        vc.powerOff("DC0_VM0")
        vc.destroy("DC1_VM1")
        // a sync is a dozen calls: let the first three through, then hang
        vc.pause("hang", 3)
        long t0 = System.currentTimeMillis()
        def r = new SyncVCenterAction(uuid: vcenter.uuid, sessionId: env.session).call()
        long took = System.currentTimeMillis() - t0
        assert r.error?.code == "VCENTER.1005": r.error
        assert r.error.details.contains("unchanged"): r.error.details
        assert took < 20000: "the sync gave up after ${took} ms"
        assert records() == before: "a failed sync changes no record"
        def now = env.query(new QueryVCenterAction())[0] as VCenterInventory
        assert now.status == "Disconnected" && now.lastSyncError != null

        vc.resume()
        env.sync(vcenter.uuid)
        def vms = env.query(new QueryVmInstanceAction(), ["hypervisorType=ESX"]) as List<VmInstanceInventory>
        assert vms.size() == 19
        assert vms.find { it.name == "DC0_VM0" }.state == "Stopped"
        assert vms.find { it.name == "DC1_VM1" } == null
        def again = env.query(new QueryVCenterAction())[0] as VCenterInventory
        assert again.status == "Connected" && again.lastSyncError == null
    }

    @Test
    @Order(2)
    void everyWayOfNotAnsweringFailsTheSyncCleanly() {
        for (String mode : ["hang", "error", "close"]) {
            Map before = records()
            vc.suspend("DC0_VM3")
            vc.pause(mode, 2)
            def r = new SyncVCenterAction(uuid: vcenter.uuid, sessionId: env.session).call()
            assert r.error?.code == "VCENTER.1005": "${mode}: ${r.error}"
            assert records() == before: mode
            vc.resume()
            env.sync(vcenter.uuid)
            assert (env.query(new QueryVmInstanceAction(), ["name=DC0_VM3"])[0] as VmInstanceInventory).state == "Paused": mode
            vc.powerOn("DC0_VM3")
            env.sync(vcenter.uuid)
        }
    }

    @Test
    @Order(3)
    void twoSyncsAtOnceRunOneAfterTheOther() {
        env.log.lines.clear()
        // each call takes a while, so that two syncs would overlap if they could
        vc.delay(40)
        try {
            def a = CompletableFuture.supplyAsync { new SyncVCenterAction(uuid: vcenter.uuid, sessionId: env.session).call() }
            def b = CompletableFuture.supplyAsync { new SyncVCenterAction(uuid: vcenter.uuid, sessionId: env.session).call() }
            def ra = a.get(60, TimeUnit.SECONDS)
            def rb = b.get(60, TimeUnit.SECONDS)
            assert ra.error == null && rb.error == null: "${ra.error} ${rb.error}"
        } finally {
            vc.delay(0)
        }
        List<String> marks = env.log.lines.findAll {
            it.contains("syncing vCenter[uuid:${vcenter.uuid}") || it.contains("synced vCenter[uuid:${vcenter.uuid}")
        }.collect { it.contains("syncing") ? "start" : "end" }
        assert marks == ["start", "end", "start", "end"]: marks
        // and nothing doubled
        def vms = env.query(new QueryVmInstanceAction(), ["hypervisorType=ESX"]) as List<VmInstanceInventory>
        assert vms*.name.toSet().size() == vms.size()
        assert vms.size() == vc.inventory().counts.vms
    }

    @Test
    @Order(4)
    void thePeriodicSyncFollowsVSphere() {
        def vm = env.query(new QueryVmInstanceAction(), ["name=DC1_VM5"])[0] as VmInstanceInventory
        assert vm.state == "Running"
        vc.powerOff("DC1_VM5")
        env.updateGlobalConfig("vmware", "sync.interval", "1")
        try {
            VCenterEnv.waitUntil(20000) {
                (env.query(new QueryVmInstanceAction(), ["uuid=${vm.uuid}".toString()])[0] as VmInstanceInventory).state == "Stopped"
            }
        } finally {
            env.updateGlobalConfig("vmware", "sync.interval", "600")
        }
    }

    @Test
    @Order(5)
    void deletingTheZoneDeletesItsVCenterAndAllItsRecords() {
        new DeleteZoneAction(uuid: env.zone.uuid, sessionId: env.session).call().throwExceptionIfError()
        assert env.query(new QueryVCenterAction()).isEmpty()
        assert env.query(new QueryVmInstanceAction()).isEmpty()
        assert env.query(new QueryHostAction()).isEmpty()
        assert env.query(new QueryClusterAction()).isEmpty()
        assert env.query(new QueryPrimaryStorageAction()).isEmpty()
        assert env.query(new QueryVCenterNetworkAction()).isEmpty()
        assert env.query(new QueryVCenterDatacenterAction()).isEmpty()
        assert env.pool.openSessions(vcenter.uuid) == 0
    }
}
