package org.zstack.test.integration.vmware

import org.zstack.core.db.DatabaseFacade
import org.zstack.sdk.*
import org.zstack.testlib.LogCapture
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode
import org.zstack.testlib.Wait
import org.zstack.testlib.vsphere.VCenterSimulator
import org.zstack.vmware.VCenterConnectionPool

/**
 * A management node with a zone, a vCenter simulator, and every log line of this JVM captured (the node runs in
 * process), so a case can check what was logged: order of syncs, and that no password ever was.
 */
class VCenterEnv {
    /** The password of the simulators of these cases: distinctive, so a leak in any log line is found. */
    static final String PASSWORD = "Vc-S3cret-Pa55w0rd!"

    final NodeExtension zstack
    final ZoneInventory zone

    VCenterEnv(Map<String, String> extra = [:]) {
        zstack = new NodeExtension(extra).capturingLog().start()
        zone = new CreateZoneAction(name: "zone", sessionId: session).call().throwExceptionIfError().value.inventory
    }

    /** The model of the sync cases: 2 datacenters, 3 clusters + 1 standalone host, 8 hosts, 40 VMs, 3 disks each. */
    static Map model() {
        [
                password   : PASSWORD,
                datacenters: [
                        [name           : "DC0",
                         clusters       : [[name: "DC0_C0", hosts: 3], [name: "DC0_C1", hosts: 2]],
                         standaloneHosts: 1,
                         portgroups     : ["VM Network", [name: "VLAN100", vlan: 100]],
                         dvSwitches     : [[name: "DC0_DVS0", portgroups: [[name: "DC0_DVPG0", vlan: 200], "DC0_DVPG1"]]],
                         vms            : 19],
                        [name      : "DC1",
                         clusters  : [[name: "DC1_C0", hosts: 2]],
                         dvSwitches: 1, dvPortgroupsPerSwitch: 2,
                         vms       : 19],
                ],
                vmDefaults : [cpu     : 2, memoryMB: 2048, disks: 3, diskCapacityMB: 4, nics: 2,
                              guestId : ["debian10_64Guest", "rhel7_64Guest", "windows9Server64Guest"],
                              firmware: ["bios", "efi"], powerState: ["poweredOn", "poweredOff", "suspended"],
                              nicType : ["vmxnet3", "e1000e", "e1000"]],
                vms        : [
                        [name        : "web-01", datacenter: "DC0", cluster: "DC0_C1", folder: "apps/web",
                         instanceUuid: "50123456-89ab-cdef-0123-456789abcdef", guestId: "debian10_64Guest",
                         firmware    : "efi", cpu: 4, coresPerSocket: 2, memoryMB: 4096, powerState: "poweredOn", cbt: true,
                         annotation  : "the web server",
                         nics        : [[mac: "00:50:56:3f:00:01", network: "VLAN100", type: "e1000e"],
                                        [mac: "00:50:56:3f:00:02", network: "DC0_DVPG0"]],
                         disks       : [[capacityMB: 8, thin: true], [capacityMB: 6, thin: false], [capacityMB: 4, thin: true]]],
                        [name : "db-01", datacenter: "DC1", guestId: "windows9Server64Guest", firmware: "bios",
                         cpu  : 8, memoryMB: 8192, powerState: "poweredOff",
                         nics : [[network: "DC1_DVS0_PG1", type: "vmxnet3"]],
                         disks: [[capacityMB: 4], [capacityMB: 4], [capacityMB: 4]]],
                ],
        ]
    }

    VCenterInventory addVCenter(VCenterSimulator vc, String name = "vc") {
        return new AddVCenterAction(name: name, domainName: vc.host, port: vc.port, username: vc.username,
                password: vc.password, zoneUuid: zone.uuid, sessionId: session).call().throwExceptionIfError().value.inventory
    }

    /** SyncVCenter answers nothing, as ZStack's: the vCenter as the sync left it comes from a query. */
    VCenterInventory sync(String uuid) {
        new SyncVCenterAction(uuid: uuid, sessionId: session).call().throwExceptionIfError()
        return query(new QueryVCenterAction(), ["uuid=${uuid}".toString()])[0] as VCenterInventory
    }

    TestNode getNode() { zstack.node }

    String getSession() { zstack.session }

    LogCapture getLog() { zstack.log }

    def <T> T bean(Class<T> clz) { node.bean(clz) }

    DatabaseFacade getDbf() { node.bean(DatabaseFacade) }

    VCenterConnectionPool getPool() { node.bean(VCenterConnectionPool) }

    /** Every result of a query (the SDK's default limit is 1000). */
    List query(QueryAction a, List<String> conditions = []) {
        a.conditions = conditions
        a.sessionId = session
        a.limit = 1000
        def r = a.call()
        assert r.error == null: r.error
        return r.value.inventories as List
    }

    void updateGlobalConfig(String category, String name, String value) {
        zstack.updateGlobalConfig(category, name, value)
    }

    static void waitUntil(long timeoutMs = 30000, Closure<Boolean> condition) {
        Wait.until(timeoutMs, condition)
    }

    void stop() {
        zstack.stop()
    }
}
