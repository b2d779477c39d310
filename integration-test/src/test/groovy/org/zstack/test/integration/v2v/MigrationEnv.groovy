package org.zstack.test.integration.v2v

import org.zstack.sdk.*
import org.zstack.testlib.AgentProcess
import org.zstack.testlib.LogCapture
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode
import org.zstack.testlib.guest.GuestImage
import org.zstack.testlib.guest.VmwareGuestFixture
import org.zstack.testlib.libvirt.Libvirtd
import org.zstack.testlib.vsphere.VCenterSimulator

import java.nio.file.Files
import java.nio.file.Path

import static org.zstack.testlib.ApiCalls.ok

/**
 * Everything a real migration needs, all real: a management node; a vSphere simulator whose VMs are the cached
 * Debian guest (VMware-like: open-vm-tools, ens192, /dev/sda1) with two data disks; a conversion host (agent on
 * 127.0.0.2) and a target host (agent on 127.0.0.3 on the machine's libvirtd, TCG); local primary storage; an L3
 * network on libvirt's default bridge with an IP range outside its DHCP pool's usual leases.
 * {@code nodeProperties} adds to the node's zstack.properties (a shared database, a short heartbeat);
 * {@code captureLog: true} keeps what the node logs.
 * With {@code source: "KVM"} there is no simulator and the conversion host converts KVM VMs (the case brings its
 * own source host).
 */
class MigrationEnv {
    final GuestImage image = GuestImage.get()
    final Libvirtd.Network net = Libvirtd.ensure()
    final int agentPort = AgentProcess.freePort()
    final NodeExtension zstack
    final VCenterSimulator vc
    final Path work = Files.createTempDirectory("zstack-v2v-migration")
    final List<AgentProcess> agents = []
    ZoneInventory zone
    ClusterInventory cluster
    HostInventory conversionHostHost
    HostInventory targetHost
    PrimaryStorageInventory ps
    L3NetworkInventory l3
    V2VConversionHostInventory conversionHost
    VCenterInventory vcenter

    MigrationEnv(Map opts = [:]) {
        // QEMU runs as libvirt-qemu: the primary storage's directories must be traversable by it, as on a real host
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"))
        boolean vmware = (opts.source ?: "VMWARE") == "VMWARE"
        if (vmware) {
            VmwareGuestFixture fixture = new VmwareGuestFixture(image)
            (opts.vms ?: ["guest-1"]).each { fixture.vm((opts.vmOptions ?: [:]) as Map, it as String) }
            (opts.extraVms ?: []).each { Map v -> fixture.vm(v.opts as Map, v.name as String) }
            vc = VCenterSimulator.start(fixture.build((opts.fixture ?: [:]) as Map))
        } else {
            vc = null
        }
        zstack = new NodeExtension(nodeProperties() + ((opts.nodeProperties ?: [:]) as Map<String, String>))
        if (opts.captureLog) {
            zstack.capturingLog()
        }
        zstack.start()
        // this machine has no usable KVM: the production defaults (kvm domains, KVM-accelerated virt-v2v) are
        // switched to their TCG fallbacks here, and only here
        globalConfig("kvm", "vm.domainType", "qemu")
        globalConfig("v2v", "convert.forceTcg", "true")
        if (opts.maxConcurrentJobs) {
            globalConfig("v2v", "conversionHost.maxConcurrentJobs", String.valueOf(opts.maxConcurrentJobs))
        }

        zone = ok(new CreateZoneAction(name: "zone", sessionId: session)).inventory
        cluster = ok(new CreateClusterAction(zoneUuid: zone.uuid, name: "cluster", hypervisorType: "KVM", sessionId: session)).inventory
        agents << new AgentProcess("127.0.0.2", agentPort).start()
        agents << new AgentProcess("127.0.0.3", agentPort, Libvirtd.URI).start()
        conversionHostHost = addHost("127.0.0.2")
        targetHost = addHost("127.0.0.3")

        Path psDir = Files.createDirectories(work.resolve("ps"))
        ps = ok(new AddLocalPrimaryStorageAction(name: "local", url: psDir.toString(), zoneUuid: zone.uuid, sessionId: session)).inventory
        ok(new AttachPrimaryStorageToClusterAction(clusterUuid: cluster.uuid, primaryStorageUuid: ps.uuid, sessionId: session))

        def l2 = ok(new CreateL2NoVlanNetworkAction(name: "l2-${net.bridge}", zoneUuid: zone.uuid, physicalInterface: net.bridge,
                sessionId: session)).inventory
        ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: cluster.uuid, sessionId: session))
        l3 = ok(new CreateL3NetworkAction(name: "l3-${net.bridge}", l2NetworkUuid: l2.uuid, sessionId: session)).inventory
        String prefix = net.gateway.substring(0, net.gateway.lastIndexOf('.') + 1)
        ok(new AddIpRangeAction(l3NetworkUuid: l3.uuid, name: "migrated", startIp: prefix + "200", endIp: prefix + "230",
                netmask: "255.255.255.0", gateway: net.gateway, sessionId: session))

        Path cache = Files.createDirectories(work.resolve("cache"))
        conversionHost = ok(new AddV2VConversionHostAction(name: "ch", type: vmware ? "VMWARE" : "KVM",
                hostUuid: conversionHostHost.uuid, storagePath: cache.toString(),
                systemTags: (opts.conversionHostTags ?: []) as List, sessionId: session)).inventory

        if (vmware) {
            vcenter = ok(new AddVCenterAction(name: "vc", domainName: vc.host, port: vc.port, username: vc.username,
                    password: vc.password, zoneUuid: zone.uuid, sessionId: session)).inventory
        }
    }

    /** What the node of this environment is started with; a second node of the same environment needs them too. */
    Map<String, String> nodeProperties() {
        return [
                "KVMHost.skipDeploy"  : "true",
                "KVMAgent.port"       : String.valueOf(agentPort),
                "management.server.ip": "127.0.0.1",
        ] + AgentProcess.NODE_PROPERTIES
    }

    TestNode getNode() { zstack.node }

    String getSession() { zstack.session }

    /** What the node logged; with {@code captureLog: true} only. */
    LogCapture getLog() { zstack.log }

    /** A case that changes the admin's password (which ends the other sessions) logs in again. */
    String login() { zstack.login() }

    HostInventory addHost(String ip) {
        return ok(new AddKVMHostAction(name: "host-" + ip, managementIp: ip, clusterUuid: cluster.uuid, username: "root",
                password: "password", sessionId: session)).inventory
    }

    void globalConfig(String category, String name, String value) {
        zstack.updateGlobalConfig(category, name, value)
    }

    /** The ESX VM as the vCenter sync stored it. */
    VmInstanceInventory sourceVm(String name) {
        def l = ok(new QueryVmInstanceAction(conditions: ["name=${name}".toString(), "hypervisorType=ESX"], sessionId: session)).inventories
        assert l.size() == 1: "source VM ${name}: ${l}"
        return l[0] as VmInstanceInventory
    }

    VmInstanceInventory vm(String uuid) {
        def l = ok(new QueryVmInstanceAction(conditions: ["uuid=${uuid}".toString()], sessionId: session)).inventories
        return l.isEmpty() ? null : l[0] as VmInstanceInventory
    }

    Map task(String uuid) {
        def r = node.http("GET", "/v1/v2v-tasks/${uuid}", null, ["Authorization": "OAuth ${session}".toString()])
        assert r.status == 200: r.text
        return (r.json.inventories as List)[0] as Map
    }

    /** Waits until every job of the task has ended; returns the task as the REST API shows it. */
    Map awaitTask(String uuid, long timeoutSeconds) {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000
        Map t = task(uuid)
        while ((t.jobs as List<Map>).any { !(it.state in ["Succeeded", "Failed", "Canceled"]) }) {
            assert System.currentTimeMillis() < deadline: "task ${uuid} not done in ${timeoutSeconds} s: ${t}"
            Thread.sleep(2000)
            t = task(uuid)
        }
        return t
    }

    void stop() {
        Libvirtd.destroyDomains { String name -> name ==~ /[0-9a-f]{32}/ }
        agents.each { it.stop() }
        zstack.stop()
        vc?.stop()
        work.toFile().deleteDir()
    }
}
