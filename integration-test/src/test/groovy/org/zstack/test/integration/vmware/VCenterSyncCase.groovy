package org.zstack.test.integration.vmware

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.zstack.core.db.Q
import org.zstack.header.vm.VmNicVO
import org.zstack.header.volume.VolumeVO
import org.zstack.sdk.*
import org.zstack.testlib.vsphere.VCenterSimulator
import org.zstack.vmware.VCenterVmInstanceVO
import org.zstack.vmware.VCenterVmNicVO
import org.zstack.vmware.VCenterVolumeVO

import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * The sync of a vCenter of 2 datacenters, 3 clusters and a standalone host, 8 hosts, 40 VMs with 3 disks each on
 * standard and distributed portgroups: every count and every VM's hardware against what the simulator holds; then a
 * VM powered off, one destroyed, and a session the vCenter forgot, each followed by a re-sync that keeps the uuids.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class VCenterSyncCase {
    static final long MiB = 1024L * 1024
    static VCenterEnv env
    static VCenterSimulator vc
    static VCenterInventory vcenter

    @BeforeAll
    static void boot() {
        env = new VCenterEnv()
        vc = VCenterSimulator.start(VCenterEnv.model())
        vcenter = env.addVCenter(vc)
    }

    @AfterAll
    static void shutdown() {
        vc?.stop()
        env?.stop()
    }

    static List<VmInstanceInventory> vms() {
        env.query(new QueryVmInstanceAction(), ["hypervisorType=ESX"]) as List<VmInstanceInventory>
    }

    static Map<String, String> vmUuidsByName() {
        vms().collectEntries { [(it.name): it.uuid] }
    }

    @Test
    @Order(1)
    void everyCountMatchesTheSimulator() {
        Map inv = vc.inventory()
        Map counts = inv.counts as Map
        assert counts.datacenters == 2 && counts.clusters == 3 && counts.hosts == 8 && counts.vms == 40

        def dcs = env.query(new QueryVCenterDatacenterAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<VCenterDatacenterInventory>
        assert dcs*.name.sort() == (inv.datacenters as List<Map>)*.name.sort()
        assert dcs*.morval.sort() == (inv.datacenters as List<Map>)*.moid.sort()

        def clusters = env.query(new QueryVCenterClusterAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<VCenterClusterInventory>
        assert clusters.size() == counts.clusters + counts.standaloneHosts
        def real = clusters.findAll { !it.standalone }
        assert real*.name.sort() == (inv.datacenters as List<Map>).collectMany { it.clusters as List<Map> }*.name.sort()
        assert clusters.every { it.hypervisorType == "ESX" && it.zoneUuid == env.zone.uuid && it.type == "vmware" }
        // vCenter clusters are clusters: QueryCluster finds them too
        assert env.query(new QueryClusterAction(), ["hypervisorType=ESX"]).size() == clusters.size()

        def hosts = env.query(new QueryESXHostAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<ESXHostInventory>
        assert hosts.size() == counts.hosts
        def simHosts = (inv.datacenters as List<Map>).collectMany { it.hosts as List<Map> }
        assert hosts*.name.sort() == simHosts*.name.sort()
        Map<String, String> clusterNames = clusters.collectEntries { [(it.uuid): it.name] }
        for (Map h : simHosts) {
            def host = hosts.find { it.name == h.name }
            assert host.morval == h.moid
            assert host.status == "Connected" && host.hypervisorType == "ESX"
            assert host.esxiVersion == "6.5.0"
            assert host.totalMemoryCapacity == h.memoryBytes
            if (h.cluster) {
                assert clusterNames[host.clusterUuid] == h.cluster
            } else {
                assert clusters.find { it.uuid == host.clusterUuid }.standalone
            }
        }
        // ESX hosts are hosts: QueryHost gives them as ESXHostInventory, the class ZStack's SDK expects
        def asHosts = env.query(new QueryHostAction(), ["hypervisorType=ESX"])
        assert asHosts.size() == counts.hosts && asHosts.every { it instanceof ESXHostInventory }

        def pools = env.query(new QueryVCenterResourcePoolAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<VCenterResourcePoolInventory>
        assert pools.size() == clusters.size(): "one root pool per compute resource"
        assert pools.every { it.parentUuid == null && it.name == "Resources" }
        assert pools*.vCenterClusterUuid.toSet() == clusters*.uuid.toSet()

        def datastores = env.query(new QueryVCenterPrimaryStorageAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<VCenterPrimaryStorageInventory>
        def simDatastores = (inv.datacenters as List<Map>).collectMany { it.datastores as List<Map> }
        assert datastores.size() == counts.datastores
        for (Map d : simDatastores) {
            def ds = datastores.find { it.datastore == d.name }
            assert ds.morval == d.moid
            assert ds.totalCapacity == d.capacity
            assert ds.availableCapacity == d.freeSpace
            assert ds.type == "VCenter" && ds.status == "Connected"
            // attached to the clusters of the hosts that mount it
            Set<String> expected = hosts.findAll { (d.hosts as List).contains(it.name) }*.clusterUuid.toSet()
            assert ds.attachedClusterUuids.toSet() == expected
        }

        def networks = env.query(new QueryVCenterNetworkAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<VCenterNetworkInventory>
        assert networks.count { it.type == "Standard" } == counts.networks
        assert networks.count { it.type == "Distributed" && !it.uplink } == counts.dvPortgroups
        assert networks.count { it.type == "Distributed" && it.uplink } == counts.dvUplinkPortgroups
        def simNetworks = (inv.datacenters as List<Map>).collectMany { it.networks as List<Map> }
        for (Map n : simNetworks) {
            def net = networks.find { it.morval == n.moid }
            assert net.name == n.name
            assert (net.type == "Distributed") == n.distributed
            if (n.distributed) {
                assert net.dvSwitchName == n.dvSwitch
                assert net.portgroupKey == n.key
                assert net.uplink == n.uplink
                if (!n.uplink) {
                    assert (net.vlanId ?: 0) == n.vlan
                }
            }
        }

        assert vms().size() == counts.vms - counts.templates
    }

    @Test
    @Order(2)
    void everyVmHasTheHardwareTheSimulatorHolds() {
        Map inv = vc.inventory()
        List<VmInstanceInventory> vms = vms()
        def hosts = env.query(new QueryESXHostAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<ESXHostInventory>
        def clusters = env.query(new QueryVCenterClusterAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<VCenterClusterInventory>
        def datastores = env.query(new QueryVCenterPrimaryStorageAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<VCenterPrimaryStorageInventory>
        Map<String, String> states = [poweredOn: "Running", poweredOff: "Stopped", suspended: "Paused"]
        int checkedDisks = 0
        for (Map s : inv.vms as List<Map>) {
            def vm = vms.find { it.name == s.name }
            assert vm != null: s.name
            String where = s.name
            assert vm.hypervisorType == "ESX" && vm.zoneUuid == env.zone.uuid && vm.type == "UserVm": where
            assert vm.cpuNum == s.cpu: where
            assert vm.memorySize == (s.memoryMB as long) * MiB: where
            assert vm.state == states[s.powerState]: where
            assert vm.platform == ((s.guestId as String).startsWith("windows") ? "WindowsVirtio" : "Linux"): where
            assert vm.guestOsType == s.guestFullName: where
            assert vm.description == (s.annotation ?: null): where
            assert hosts.find { it.uuid == vm.hostUuid }.name == s.host: where
            def cluster = clusters.find { it.uuid == vm.clusterUuid }
            assert s.cluster ? cluster.name == s.cluster : cluster.standalone: where

            // what only vSphere says: identity, firmware, power state in its words, guest id
            VCenterVmInstanceVO vo = env.dbf.findByUuid(vm.uuid, VCenterVmInstanceVO)
            assert vo.morval == s.moid && vo.instanceUuid == s.instanceUuid && vo.biosUuid == s.uuid: where
            assert vo.firmware == s.firmware && vo.powerState == s.powerState && vo.guestId == s.guestId: where
            assert vo.numCoresPerSocket == s.coresPerSocket && vo.vmxVersion == s.version: where
            assert vo.changeTrackingEnabled == s.changeTrackingEnabled && vo.vmPathName == s.vmPathName: where

            List<Map> disks = s.disks as List<Map>
            assert disks.size() == 3: where
            assert vm.allVolumes.size() == disks.size(): where
            assert vm.rootVolumeUuid == vm.allVolumes[0].uuid: where
            disks.eachWithIndex { Map d, int i ->
                def v = vm.allVolumes[i]
                assert v.deviceId == i && v.type == (i == 0 ? "Root" : "Data"): where
                assert v.installPath == d.fileName: where
                assert v.size == d.capacityBytes: where
                assert v.thin == d.thin: where
                assert v.format == "vmdk" && v.vmInstanceUuid == vm.uuid: where
                assert datastores.find { it.uuid == v.primaryStorageUuid }.datastore == d.datastore: where
                VCenterVolumeVO dv = env.dbf.findByUuid(v.uuid, VCenterVolumeVO)
                assert dv.deviceKey == d.key && dv.diskUuid == d.uuid && dv.diskMode == d.diskMode: where
                assert dv.controllerKey == d.controllerKey && dv.unitNumber == d.unitNumber: where
                checkedDisks++
            }

            List<Map> nics = s.nics as List<Map>
            assert vm.vmNics.size() == nics.size(): where
            nics.eachWithIndex { Map n, int i ->
                def nic = vm.vmNics[i]
                assert nic.deviceId == i: where
                assert nic.mac == (n.mac as String).toLowerCase(): where
                assert nic.l3NetworkUuid == null: where
                assert nic.driverType == n.type: where
                assert nic.sourceNetworkName == n.network: where
                assert nic.sourceNetworkType == (n.distributed ? "Distributed" : "Standard"): where
                VCenterVmNicVO nv = env.dbf.findByUuid(nic.uuid, VCenterVmNicVO)
                assert nv.deviceKey == n.key: where
                if (n.distributed) {
                    assert nv.portgroupKey == n.portgroupKey && nv.dvSwitchUuid == n.switchUuid: where
                }
            }
        }
        assert checkedDisks == 120
    }

    @Test
    @Order(3)
    void vmsAreQueriedByClusterNameAndPowerState() {
        Map inv = vc.inventory()
        def cluster = (env.query(new QueryVCenterClusterAction(), ["name=DC0_C0"]) as List<VCenterClusterInventory>)[0]
        def inCluster = env.query(new QueryVmInstanceAction(), ["clusterUuid=${cluster.uuid}".toString()])
        assert inCluster*.name.sort() == (inv.vms as List<Map>).findAll { it.cluster == "DC0_C0" }*.name.sort()
        def running = env.query(new QueryVmInstanceAction(), ["clusterUuid=${cluster.uuid}".toString(), "state=Running"])
        assert running*.name.sort() == (inv.vms as List<Map>).findAll { it.cluster == "DC0_C0" && it.powerState == "poweredOn" }*.name.sort()
        def web = env.query(new QueryVmInstanceAction(), ["name=web-01"]) as List<VmInstanceInventory>
        assert web.size() == 1 && web[0].cpuNum == 4
        def like = env.query(new QueryVmInstanceAction(), ["name~=DC1_VM1%"])
        assert like.size() == (inv.vms as List<Map>).count { (it.name as String).startsWith("DC1_VM1") }
    }

    @Test
    @Order(4)
    void aResyncOfAnUnchangedVCenterChangesNothing() {
        Map<String, String> before = vmUuidsByName()
        def vm = vms().find { it.name == "web-01" }
        def again = env.sync(vcenter.uuid)
        assert again.status == "Connected"
        assert vmUuidsByName() == before
        def same = vms().find { it.name == "web-01" }
        assert same.lastOpDate == vm.lastOpDate: "an unchanged VM is not written"
        assert same.vmNics*.uuid == vm.vmNics*.uuid && same.allVolumes*.uuid == vm.allVolumes*.uuid
    }

    @Test
    @Order(5)
    void aVmPoweredOffInVSphereIsStoppedAfterTheResyncWithItsUuids() {
        def web = vms().find { it.name == "web-01" }
        assert web.state == "Running"
        Map<String, String> before = vmUuidsByName()
        vc.powerOff("web-01")
        env.sync(vcenter.uuid)
        def after = vms().find { it.name == "web-01" }
        assert after.uuid == web.uuid
        assert after.state == "Stopped"
        assert env.dbf.findByUuid(web.uuid, VCenterVmInstanceVO).powerState == "poweredOff"
        assert after.vmNics*.uuid == web.vmNics*.uuid
        assert after.allVolumes*.uuid == web.allVolumes*.uuid
        assert vmUuidsByName() == before
    }

    @Test
    @Order(6)
    void aVmDestroyedInVSphereIsGoneAfterTheResync() {
        def victim = vms().find { it.name == "DC1_VM3" }
        Map<String, String> before = vmUuidsByName()
        vc.destroy("DC1_VM3")
        env.sync(vcenter.uuid)
        assert env.query(new QueryVmInstanceAction(), ["uuid=${victim.uuid}".toString()]).isEmpty()
        assert Q.New(VmNicVO).eq("vmInstanceUuid", victim.uuid).count() == 0
        assert Q.New(VolumeVO).eq("vmInstanceUuid", victim.uuid).count() == 0
        before.remove("DC1_VM3")
        assert vmUuidsByName() == before
        assert vms().size() == vc.inventory().counts.vms
    }

    @Test
    @Order(7)
    void aSessionTheVCenterForgotIsReplacedByANewLogin() {
        def sessions = env.pool.idleSessions(vcenter.uuid)
        assert !sessions.isEmpty()
        // the vCenter ends the sessions (as after its restart, or an administrator's Terminate): a Logout with their
        // cookies, from outside; the pool still holds them
        sessions.each { c ->
            String logout = '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">' +
                    '<soapenv:Body><Logout xmlns="urn:vim25"><_this type="SessionManager">SessionManager</_this></Logout></soapenv:Body></soapenv:Envelope>'
            def req = HttpRequest.newBuilder(URI.create(vc.url)).header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "urn:vim25/6.0").header("Cookie", c.sessionCookie())
                    .POST(HttpRequest.BodyPublishers.ofString(logout)).build()
            assert vc.httpClient.send(req, HttpResponse.BodyHandlers.ofString()).statusCode() == 200
        }
        vc.powerOn("web-01")
        env.sync(vcenter.uuid)
        assert vms().find { it.name == "web-01" }.state == "Running"
        assert !env.log.containing("logging in again").isEmpty()
        assert env.pool.openSessions(vcenter.uuid) <= 4
    }

    @Test
    @Order(8)
    void esxHostsBelongToTheirVCenterAndTheWireNamesZStacksClasses() {
        def host = (env.query(new QueryESXHostAction(), ["vCenterUuid=${vcenter.uuid}".toString()]) as List<ESXHostInventory>)[0]
        def reconnect = new ReconnectHostAction(uuid: host.uuid, sessionId: env.session).call()
        assert reconnect.error?.code == "SYS.1006": reconnect.error
        def delete = new DeleteHostAction(uuid: host.uuid, sessionId: env.session).call()
        assert delete.error?.code == "SYS.1006": delete.error
        assert env.query(new QueryHostAction(), ["uuid=${host.uuid}".toString()]).size() == 1

        // the schema names the server classes ZStack's own SDK maps
        Map<String, String> auth = ["Authorization": "OAuth ${env.session}".toString()]
        Map<String, String> expected = [
                "/v1/vcenters"                         : "org.zstack.vmware.VCenterInventory",
                "/v1/vcenters/clusters"                : "org.zstack.vmware.VCenterClusterInventory",
                "/v1/vcenters/datacenters"             : "org.zstack.vmware.VCenterDatacenterInventory",
                "/v1/vcenters/clusters/resourcepools"  : "org.zstack.vmware.VCenterResourcePoolInventory",
                "/v1/vcenters/primary-storage"         : "org.zstack.vmware.VCenterPrimaryStorageInventory",
                "/v1/hosts?q=hypervisorType=ESX"       : "org.zstack.vmware.ESXHostInventory",
                "/v1/vm-instances?q=name=web-01"       : "org.zstack.header.vm.VmInstanceInventory",
        ]
        expected.each { String path, String clz ->
            def r = env.node.http("GET", path, null, auth)
            assert r.status == 200: "${path}: ${r}"
            assert r.json.schema["inventories[0]"] == clz: path
        }
        def vm = env.node.http("GET", "/v1/vm-instances?q=name=web-01", null, auth).json
        assert vm.schema["inventories[0].vmNics[0]"] == "org.zstack.header.vm.VmNicInventory"
        assert vm.schema["inventories[0].allVolumes[0]"] == "org.zstack.header.volume.VolumeInventory"
    }
}
