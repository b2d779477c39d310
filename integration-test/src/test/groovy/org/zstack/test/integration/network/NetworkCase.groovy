package org.zstack.test.integration.network

import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.core.Platform
import org.zstack.core.db.DatabaseFacade
import org.zstack.header.errorcode.OperationFailureException
import org.zstack.header.network.l3.UsedIpVO
import org.zstack.network.l3.IpAllocator
import org.zstack.sdk.*
import org.zstack.testlib.HttpResult
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode

import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch

/**
 * Networks of the target cloud through the SDK (and raw REST for the wire shape and for what the SDK refuses
 * itself): L2 no-vlan networks and their clusters, L3 networks, IP ranges (by addresses and by CIDR), IP
 * availability, the IP allocator, deletion modes and cascades. Every refused request is checked to leave the
 * network tables exactly as they were.
 */
class NetworkCase {
    static final String SYS_OPERATION = "SYS.1006"
    static final String SYS_ARGUMENT = "SYS.1007"
    static final List<String> TABLES = ["L2NetworkVO", "L2NetworkClusterRefVO", "L3NetworkVO", "IpRangeVO", "UsedIpVO"]

    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    @AfterEach
    void disarmExtension() {
        extension.failWith = null
    }

    // ---------------------------------------------------------------- helpers

    ScriptedL2NetworkAttachExtension getExtension() { node.bean(ScriptedL2NetworkAttachExtension) }

    IpAllocator getAllocator() { node.bean(IpAllocator) }

    DatabaseFacade getDbf() { node.bean(DatabaseFacade) }

    static ErrorCode fails(AbstractAction action, String code) {
        action.sessionId = session
        ErrorCode e = action.call().error
        assert e != null: "${action.class.simpleName} should have failed"
        assert e.code == code: "${e.code}: ${e.details}"
        return e
    }

    Map<String, Long> rows() {
        return TABLES.collectEntries { t ->
            [t, dbf.transaction { em -> em.createQuery("select count(v) from ${t} v".toString(), Long).singleResult }]
        }
    }

    /** The action fails with code, and not one row of the network tables was added or removed. */
    ErrorCode failsLeavingNothing(AbstractAction action, String code) {
        Map<String, Long> before = rows()
        ErrorCode e = fails(action, code)
        assert rows() == before: "${action.class.simpleName} left rows behind: ${e.details}"
        return e
    }

    /** A raw async API call to its end (202, then the poll), as a non-Java client makes it. */
    HttpResult rawCall(String method, String path, Object body = null) {
        HttpResult accepted = node.http(method, path, body, [
                "Authorization": "OAuth " + session,
                "X-Job-UUID"   : Platform.getUuid()])
        assert accepted.status == 202: accepted.toString()
        return node.poll(accepted)
    }

    HttpResult rawGet(String path) {
        return node.http("GET", path, null, ["Authorization": "OAuth " + session])
    }

    /** A raw call refused with SYS.1007 whose details name the field; nothing stored. */
    void rawRefused(String method, String path, Map body, String field) {
        Map<String, Long> before = rows()
        HttpResult r = rawCall(method, path, body)
        assert r.status == 503: r.toString()
        assert r.json.error.code == SYS_ARGUMENT: r.toString()
        assert r.json.error.details.contains(field): r.toString()
        assert rows() == before
    }

    static ZoneInventory zone() {
        return zstack.ok(new CreateZoneAction(name: "zone-" + Platform.getUuid().substring(0, 6))).inventory
    }

    static ClusterInventory cluster(String zoneUuid) {
        return zstack.ok(new CreateClusterAction(zoneUuid: zoneUuid, name: "cluster", hypervisorType: "KVM")).inventory
    }

    static L2NetworkInventory l2(String zoneUuid, String nic = "eth0") {
        return zstack.ok(new CreateL2NoVlanNetworkAction(name: "l2-${nic}", zoneUuid: zoneUuid, physicalInterface: nic)).inventory
    }

    static L3NetworkInventory l3(String l2Uuid) {
        return zstack.ok(new CreateL3NetworkAction(name: "l3", l2NetworkUuid: l2Uuid)).inventory
    }

    static L3NetworkInventory newL3() {
        return newL3In(zone().uuid)
    }

    static L3NetworkInventory newL3In(String zoneUuid) {
        return l3(l2(zoneUuid).uuid)
    }

    static AddIpRangeAction range(String l3Uuid, String start, String end, String netmask = "255.255.255.0",
                                  String gateway = "192.168.1.1") {
        return new AddIpRangeAction(l3NetworkUuid: l3Uuid, name: "range", startIp: start, endIp: end,
                netmask: netmask, gateway: gateway)
    }

    static AddIpRangeByNetworkCidrAction cidr(String l3Uuid, String networkCidr, String gateway = null) {
        return new AddIpRangeByNetworkCidrAction(l3NetworkUuid: l3Uuid, name: "by-cidr", networkCidr: networkCidr,
                gateway: gateway)
    }

    static L2NetworkInventory queryL2(String uuid) {
        List l = zstack.ok(new QueryL2NetworkAction(conditions: ["uuid=${uuid}".toString()])).inventories
        return l.isEmpty() ? null : (L2NetworkInventory) l[0]
    }

    static L3NetworkInventory queryL3(String uuid) {
        List l = zstack.ok(new QueryL3NetworkAction(conditions: ["uuid=${uuid}".toString()])).inventories
        return l.isEmpty() ? null : (L3NetworkInventory) l[0]
    }

    static CheckIpAvailabilityResult availability(String l3Uuid, String ip) {
        return zstack.ok(new CheckIpAvailabilityAction(l3NetworkUuid: l3Uuid, ip: ip))
    }

    /** The allocator's OperationFailureException, as a caller in the management node sees it. */
    org.zstack.header.errorcode.ErrorCode allocationFails(String l3Uuid, String ip, String owner, String code) {
        long before = rows().UsedIpVO
        try {
            allocator.allocate(l3Uuid, ip, owner)
        } catch (OperationFailureException e) {
            assert e.errorCode.code == code: e.errorCode.toString()
            assert rows().UsedIpVO == before
            return e.errorCode
        }
        assert false: "allocating ${ip} on ${l3Uuid} should have failed"
        return null
    }

    // ---------------------------------------------------------------- L2 networks

    @Test
    void l2NoVlanNetworkIsCreatedQueriedAttachedDetachedAndDeleted() {
        def z = zone()
        def c = cluster(z.uuid)
        L2NetworkInventory l2 = zstack.ok(new CreateL2NoVlanNetworkAction(name: "public", description: "uplink",
                zoneUuid: z.uuid, physicalInterface: "eth1")).inventory
        assert l2.name == "public" && l2.description == "uplink"
        assert l2.zoneUuid == z.uuid
        assert l2.physicalInterface == "eth1"
        assert l2.type == "L2NoVlanNetwork"
        assert l2.vSwitchType == "LinuxBridge"
        assert l2.attachedClusterUuids == []
        assert l2.createDate != null && l2.lastOpDate != null

        List byZone = zstack.ok(new QueryL2NetworkAction(conditions: ["zoneUuid=${z.uuid}".toString()])).inventories
        assert byZone.size() == 1 && byZone[0] instanceof L2NetworkInventory

        L2NetworkInventory attached = zstack.ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c.uuid)).inventory
        assert attached.attachedClusterUuids == [c.uuid]
        assert queryL2(l2.uuid).attachedClusterUuids == [c.uuid]
        assert extension.calls.contains([l2.uuid, c.uuid])

        L2NetworkInventory detached = zstack.ok(new DetachL2NetworkFromClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c.uuid)).inventory
        assert detached.attachedClusterUuids == []
        def again = failsLeavingNothing(new DetachL2NetworkFromClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c.uuid), SYS_OPERATION)
        assert again.details.contains("not attached")

        zstack.ok(new DeleteL2NetworkAction(uuid: l2.uuid))
        assert queryL2(l2.uuid) == null
        zstack.ok(new DeleteL2NetworkAction(uuid: l2.uuid)) // deleting what is gone succeeds, as ZStack's deletes do
    }

    @Test
    void createL2NoVlanNetworkRefusesBadInput() {
        def z = zone()
        def e = failsLeavingNothing(new CreateL2NoVlanNetworkAction(name: "x", zoneUuid: Platform.getUuid(), physicalInterface: "eth0"), SYS_ARGUMENT)
        assert e.details.contains("zoneUuid")

        // what the SDK would refuse itself goes raw, to prove the server refuses it too
        rawRefused("POST", "/v1/l2-networks/no-vlan", [params: [name: "x", zoneUuid: z.uuid]], "physicalInterface")
        rawRefused("POST", "/v1/l2-networks/no-vlan", [params: [name: "x", zoneUuid: z.uuid, physicalInterface: "e" * 1025]], "physicalInterface")
        rawRefused("POST", "/v1/l2-networks/no-vlan", [params: [name: "x", zoneUuid: z.uuid, physicalInterface: "eth0", vSwitchType: "OvsDpdk"]], "vSwitchType")
        rawRefused("POST", "/v1/l2-networks/no-vlan", [params: [zoneUuid: z.uuid, physicalInterface: "eth0"]], "name")
    }

    @Test
    void attachingToAClusterOfAnotherZoneIsRefused() {
        def l2 = l2(zone().uuid)
        def otherCluster = cluster(zone().uuid)
        def e = failsLeavingNothing(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: otherCluster.uuid), SYS_ARGUMENT)
        assert e.details.contains("same zone")
        assert queryL2(l2.uuid).attachedClusterUuids == []

        def missing = failsLeavingNothing(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: Platform.getUuid()), SYS_ARGUMENT)
        assert missing.details.contains("clusterUuid")
    }

    @Test
    void attachingTwiceOrTwoNetworksOnOneInterfaceIsRefused() {
        def z = zone()
        def c = cluster(z.uuid)
        def first = l2(z.uuid, "eth2")
        zstack.ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: first.uuid, clusterUuid: c.uuid))

        def dup = failsLeavingNothing(new AttachL2NetworkToClusterAction(l2NetworkUuid: first.uuid, clusterUuid: c.uuid), SYS_OPERATION)
        assert dup.details.contains("already attached")

        // decision: two no-vlan networks cannot share a cluster's interface, both would claim it for their bridge
        def sameNic = l2(z.uuid, "eth2")
        def clash = failsLeavingNothing(new AttachL2NetworkToClusterAction(l2NetworkUuid: sameNic.uuid, clusterUuid: c.uuid), SYS_OPERATION)
        assert clash.details.contains("eth2") && clash.details.contains(first.uuid)

        def otherNic = l2(z.uuid, "eth3")
        assert zstack.ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: otherNic.uuid, clusterUuid: c.uuid)).inventory.attachedClusterUuids == [c.uuid]
    }

    @Test
    void aFailingAttachExtensionAbortsTheAttach_scriptedExtensionStandsInForTheHostCheck() {
        def z = zone()
        def c = cluster(z.uuid)
        def l2 = l2(z.uuid)
        extension.failWith = Platform.err("HOST.1000", null, "bridge br_eth0 cannot be made on host h1")

        def e = failsLeavingNothing(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c.uuid), SYS_OPERATION)
        assert e.cause?.code == "HOST.1000"
        assert e.cause.details.contains("br_eth0")
        assert e.details.contains(l2.uuid) && e.details.contains(c.uuid)
        assert queryL2(l2.uuid).attachedClusterUuids == []

        extension.failWith = null
        assert zstack.ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c.uuid)).inventory.attachedClusterUuids == [c.uuid]
    }

    @Test
    void deletingAClusterDetachesItsL2Networks() {
        def z = zone()
        def c1 = cluster(z.uuid)
        def c2 = cluster(z.uuid)
        def l2 = l2(z.uuid)
        zstack.ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c1.uuid))
        zstack.ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c2.uuid))
        assert queryL2(l2.uuid).attachedClusterUuids == [c1.uuid, c2.uuid]

        zstack.ok(new DeleteClusterAction(uuid: c1.uuid))
        assert queryL2(l2.uuid).attachedClusterUuids == [c2.uuid]
    }

    // ---------------------------------------------------------------- L3 networks

    @Test
    void l3NetworkIsCreatedWithDefaultsAndQueried() {
        def z = zone()
        def l2 = l2(z.uuid)
        L3NetworkInventory l3 = zstack.ok(new CreateL3NetworkAction(name: "private", description: "vms", l2NetworkUuid: l2.uuid,
                dnsDomain: "example.org")).inventory
        assert l3.name == "private" && l3.description == "vms"
        assert l3.type == "L3BasicNetwork"
        assert l3.zoneUuid == z.uuid && l3.l2NetworkUuid == l2.uuid
        assert l3.state == "Enabled"
        assert l3.category == "Private" && l3.system == false
        assert l3.dnsDomain == "example.org"
        assert l3.ipVersion == 4
        assert l3.dns == [] && l3.ipRanges == []

        List byL2 = zstack.ok(new QueryL3NetworkAction(conditions: ["l2NetworkUuid=${l2.uuid}".toString()])).inventories
        assert byL2.size() == 1 && byL2[0] instanceof L3NetworkInventory

        L3NetworkInventory sys = zstack.ok(new CreateL3NetworkAction(name: "mgmt", l2NetworkUuid: l2.uuid, system: true)).inventory
        assert sys.category == "System" && sys.system
        L3NetworkInventory pub = zstack.ok(new CreateL3NetworkAction(name: "pub", l2NetworkUuid: l2.uuid, category: "Public", ipVersion: 4)).inventory
        assert pub.category == "Public" && !pub.system
    }

    @Test
    void createL3NetworkRefusesBadInput() {
        def l2 = l2(zone().uuid)
        def e = failsLeavingNothing(new CreateL3NetworkAction(name: "x", l2NetworkUuid: Platform.getUuid()), SYS_ARGUMENT)
        assert e.details.contains("l2NetworkUuid")
        assert failsLeavingNothing(new CreateL3NetworkAction(name: "x", l2NetworkUuid: l2.uuid, ipVersion: 6), SYS_ARGUMENT)
                .details.contains("ipVersion")
        assert failsLeavingNothing(new CreateL3NetworkAction(name: "x", l2NetworkUuid: l2.uuid, category: "System"), SYS_ARGUMENT)
                .details.contains("category")
        assert failsLeavingNothing(new CreateL3NetworkAction(name: "x", l2NetworkUuid: l2.uuid, category: "Private", system: true), SYS_ARGUMENT)
                .details.contains("category")
        rawRefused("POST", "/v1/l3-networks", [params: [name: "x", l2NetworkUuid: l2.uuid, type: "L3VpcNetwork"]], "type")
        rawRefused("POST", "/v1/l3-networks", [params: [name: "x", l2NetworkUuid: l2.uuid, category: "Guest"]], "category")
    }

    // ---------------------------------------------------------------- IP ranges

    @Test
    void ipRangesAreAddedAndQueried() {
        def l3 = newL3()
        IpRangeInventory r = zstack.ok(range(l3.uuid, "192.168.1.100", "192.168.1.200")).inventory
        assert r.l3NetworkUuid == l3.uuid && r.name == "range"
        assert r.startIp == "192.168.1.100" && r.endIp == "192.168.1.200"
        assert r.netmask == "255.255.255.0" && r.gateway == "192.168.1.1"
        assert r.networkCidr == "192.168.1.0/24" && r.prefixLen == 24 && r.ipVersion == 4
        assert r.createDate != null

        // a second range of the same subnet, below the first: the inventory lists them in address order
        IpRangeInventory low = zstack.ok(range(l3.uuid, "192.168.1.10", "192.168.1.20")).inventory
        L3NetworkInventory q = queryL3(l3.uuid)
        assert q.ipRanges*.uuid == [low.uuid, r.uuid]
        assert q.ipRanges.every { it instanceof IpRangeInventory }

        List byUuid = zstack.ok(new QueryIpRangeAction(conditions: ["uuid=${r.uuid}".toString()])).inventories
        assert byUuid.size() == 1 && byUuid[0] instanceof IpRangeInventory && byUuid[0].startIp == "192.168.1.100"
        List byL3 = zstack.ok(new QueryIpRangeAction(conditions: ["l3NetworkUuid=${l3.uuid}".toString()])).inventories
        assert byL3*.uuid.toSet() == [r.uuid, low.uuid].toSet()
    }

    @Test
    void addIpRangeRefusesBadAddressesNamingTheField() {
        def l3 = newL3()
        zstack.ok(range(l3.uuid, "192.168.1.100", "192.168.1.200"))
        Map<List<String>, String> cases = [
                ["256.1.1.1", "192.168.1.20", "255.255.255.0", "192.168.1.1"]      : "startIp",
                ["192.168.1.10", "192.168.1", "255.255.255.0", "192.168.1.1"]      : "endIp",
                ["192.168.1.10", "192.168.1.20", "255.255.255.0", "gw"]            : "gateway",
                ["192.168.01.10", "192.168.1.20", "255.255.255.0", "192.168.1.1"]  : "startIp",
                ["192.168.1.10", "192.168.1.20", "255.0.255.0", "192.168.1.1"]     : "netmask",
                ["192.168.1.10", "192.168.1.20", "255.255.255.254", "192.168.1.1"] : "netmask",
                ["192.168.1.20", "192.168.1.10", "255.255.255.0", "192.168.1.1"]   : "startIp",
                ["192.168.1.10", "192.168.2.20", "255.255.255.0", "192.168.1.1"]   : "endIp",
                ["192.168.1.10", "192.168.1.20", "255.255.255.0", "192.168.2.1"]   : "gateway",
                ["192.168.1.10", "192.168.1.20", "255.255.255.0", "192.168.1.15"]  : "gateway",
                ["192.168.1.0", "192.168.1.20", "255.255.255.0", "192.168.1.1"]    : "startIp",
                ["192.168.1.210", "192.168.1.255", "255.255.255.0", "192.168.1.1"] : "endIp",
                ["192.168.1.10", "192.168.1.20", "255.255.255.0", "192.168.1.255"] : "gateway",
                // against the network's existing range [.100, .200], gateway .1, 192.168.1.0/24
                ["192.168.1.150", "192.168.1.250", "255.255.255.0", "192.168.1.1"] : "startIp",
                ["192.168.1.2", "192.168.1.100", "255.255.255.0", "192.168.1.1"]   : "startIp",
                ["192.168.1.210", "192.168.1.220", "255.255.255.0", "192.168.1.254"]: "gateway",
                ["192.168.1.210", "192.168.1.220", "255.255.0.0", "192.168.1.1"]   : "netmask",
                ["10.0.0.10", "10.0.0.20", "255.255.255.0", "10.0.0.1"]            : "netmask",
        ]
        cases.each { args, field ->
            def e = failsLeavingNothing(range(l3.uuid, *args), SYS_ARGUMENT)
            assert e.details.contains("field[${field}]"): "${args}: ${e.details}"
        }
        assert queryL3(l3.uuid).ipRanges.size() == 1
    }

    @Test
    void ipRangeByNetworkCidrLeavesOutTheGatewayTheNetworkAndTheBroadcast() {
        IpRangeInventory first = zstack.ok(cidr(newL3().uuid, "10.0.0.0/24")).inventory
        assert first.startIp == "10.0.0.2" && first.endIp == "10.0.0.254" && first.gateway == "10.0.0.1"
        assert first.netmask == "255.255.255.0" && first.networkCidr == "10.0.0.0/24" && first.prefixLen == 24

        IpRangeInventory last = zstack.ok(cidr(newL3().uuid, "10.1.0.0/16", "10.1.255.254")).inventory
        assert last.startIp == "10.1.0.1" && last.endIp == "10.1.255.253" && last.gateway == "10.1.255.254"

        // decision: host bits are dropped, 10.0.0.1/24 names the network 10.0.0.0/24 (as ZStack reads it)
        IpRangeInventory hostBits = zstack.ok(cidr(newL3().uuid, "10.2.0.77/24")).inventory
        assert hostBits.networkCidr == "10.2.0.0/24" && hostBits.startIp == "10.2.0.2" && hostBits.gateway == "10.2.0.1"

        IpRangeInventory smallest = zstack.ok(cidr(newL3().uuid, "10.3.0.0/30")).inventory
        assert smallest.startIp == "10.3.0.2" && smallest.endIp == "10.3.0.2"
    }

    @Test
    void ipRangeByNetworkCidrRefusesBadCidrs() {
        def l3 = newL3()
        zstack.ok(cidr(l3.uuid, "172.16.0.0/24"))
        ["10.0.0.0/33", "10.0.0.0/31", "10.0.0.0/32", "10.0.0.0/0", "10.0.0.0", "10.0.0.256/24", "10.0.0.0/x",
         "10.0.0.0/24/1", "a.b.c.d/24"].each { bad ->
            def e = failsLeavingNothing(cidr(l3.uuid, bad), SYS_ARGUMENT)
            assert e.details.contains("field[networkCidr]"): "${bad}: ${e.details}"
        }
        // decision: a gateway in the middle would split the range in two; it must be the first or last host
        assert failsLeavingNothing(cidr(newL3().uuid, "10.0.0.0/24", "10.0.0.100"), SYS_ARGUMENT).details.contains("field[gateway]")
        assert failsLeavingNothing(cidr(newL3().uuid, "10.0.0.0/24", "10.0.1.1"), SYS_ARGUMENT).details.contains("field[gateway]")
        assert failsLeavingNothing(cidr(newL3().uuid, "10.0.0.0/24", "10.0.0.300"), SYS_ARGUMENT).details.contains("field[gateway]")
        // the same CIDR again overlaps the network's range
        assert failsLeavingNothing(cidr(l3.uuid, "172.16.0.0/24"), SYS_ARGUMENT).details.contains("overlaps")
    }

    // ---------------------------------------------------------------- availability and allocation

    @Test
    void checkIpAvailabilitySaysWhyAnAddressIsNotFree() {
        def l3 = newL3()
        zstack.ok(range(l3.uuid, "192.168.1.10", "192.168.1.20"))
        def free = availability(l3.uuid, "192.168.1.15")
        assert free.available && free.reason == null

        def gw = availability(l3.uuid, "192.168.1.1")
        assert !gw.available && gw.reason.contains("gateway")
        def outside = availability(l3.uuid, "192.168.1.30")
        assert !outside.available && outside.reason.contains("not in any ip range")

        allocator.allocate(l3.uuid, "192.168.1.15", "vm-a")
        def used = availability(l3.uuid, "192.168.1.15")
        assert !used.available && used.reason.contains("vm-a")

        assert fails(new CheckIpAvailabilityAction(l3NetworkUuid: l3.uuid, ip: "192.168.1.1.5"), SYS_ARGUMENT).details.contains("ip")
        assert fails(new CheckIpAvailabilityAction(l3NetworkUuid: Platform.getUuid(), ip: "192.168.1.5"), SYS_ARGUMENT)
                .details.contains("l3NetworkUuid")
    }

    @Test
    void allocatorHandsOutRequestedAndLowestFreeAddresses() {
        def l3 = newL3()
        IpRangeInventory r = zstack.ok(range(l3.uuid, "192.168.1.10", "192.168.1.20")).inventory

        def kept = allocator.allocate(l3.uuid, "192.168.1.12", "vm-migrated")
        assert kept.ip == "192.168.1.12" && kept.ipInLong == 0xC0A8010CL
        assert kept.l3NetworkUuid == l3.uuid && kept.ipRangeUuid == r.uuid && kept.ownerUuid == "vm-migrated"
        assert kept.gateway == "192.168.1.1" && kept.netmask == "255.255.255.0" && kept.ipVersion == 4

        def taken = allocationFails(l3.uuid, "192.168.1.12", "vm-other", SYS_OPERATION)
        assert taken.details.contains("vm-migrated") && taken.details.contains("192.168.1.12")
        assert allocationFails(l3.uuid, "192.168.1.21", "vm-other", SYS_ARGUMENT).details.contains("not in any ip range")
        assert allocationFails(l3.uuid, "192.168.1.1", "vm-other", SYS_ARGUMENT).details.contains("not in any ip range")
        allocationFails(l3.uuid, "192.168.1.300", "vm-other", SYS_ARGUMENT)
        allocationFails(Platform.getUuid(), null, "vm-other", SYS_ARGUMENT)
        allocationFails(l3.uuid, null, null, SYS_ARGUMENT)

        assert allocator.allocate(l3.uuid, null, "a").ip == "192.168.1.10"
        assert allocator.allocate(l3.uuid, null, "b").ip == "192.168.1.11"
        assert allocator.allocate(l3.uuid, null, "c").ip == "192.168.1.13" // .12 is kept by the migrated VM

        allocator.release(kept.uuid)
        allocator.release(kept.uuid) // releasing twice is fine
        assert allocator.allocate(l3.uuid, null, "d").ip == "192.168.1.12"
    }

    @Test
    void allocatorReportsAFullNetwork() {
        def l3 = newL3()
        zstack.ok(cidr(l3.uuid, "10.9.9.0/30"))
        def only = allocator.allocate(l3.uuid, null, "vm-1")
        assert only.ip == "10.9.9.2"
        def full = allocationFails(l3.uuid, null, "vm-2", SYS_OPERATION)
        assert full.details.contains("no free IP")

        allocator.release(only.uuid)
        assert allocator.allocate(l3.uuid, null, "vm-2").ip == "10.9.9.2"
    }

    @Test
    void concurrentAllocationsOfOneAddressHaveExactlyOneWinner() {
        def l3 = newL3()
        zstack.ok(range(l3.uuid, "192.168.1.10", "192.168.1.100"))
        def start = new CountDownLatch(1)
        def won = new ConcurrentLinkedQueue<String>()
        def lost = new ConcurrentLinkedQueue<String>()
        def threads = (1..10).collect { i ->
            Thread.start {
                start.await()
                try {
                    won.add(allocator.allocate(l3.uuid, "192.168.1.50", "vm-${i}".toString()).ownerUuid)
                } catch (OperationFailureException e) {
                    lost.add(e.errorCode.details)
                }
            }
        }
        start.countDown()
        threads*.join()
        assert won.size() == 1
        assert lost.size() == 9 && lost.every { it.contains("already used by ${won.peek()}") }

        // ten "any free" allocations at once get ten different addresses
        def anyStart = new CountDownLatch(1)
        def ips = new ConcurrentLinkedQueue<String>()
        (1..10).collect { i -> Thread.start { anyStart.await(); ips.add(allocator.allocate(l3.uuid, null, "any-${i}".toString()).ip) } }
                .with { anyStart.countDown(); it*.join() }
        assert ips.size() == 10 && ips.toSet().size() == 10 && !ips.contains("192.168.1.50")

        // and the database itself refuses a second row for an address, whoever writes it
        UsedIpVO dup = new UsedIpVO(uuid: Platform.getUuid(), l3NetworkUuid: l3.uuid, ipRangeUuid: queryL3(l3.uuid).ipRanges[0].uuid,
                ip: "192.168.1.50", ipInLong: 0xC0A80132L, ipVersion: 4, ownerUuid: "intruder")
        long before = rows().UsedIpVO
        try {
            dbf.persist(dup)
            assert false: "the unique key (l3NetworkUuid, ip) let a duplicate in"
        } catch (RuntimeException expected) {
        }
        assert rows().UsedIpVO == before
    }

    // ---------------------------------------------------------------- deletion

    @Test
    void deletingIpRangesAndL3NetworksHonoursTheDeletionMode() {
        def l3 = newL3()
        IpRangeInventory busy = zstack.ok(range(l3.uuid, "192.168.1.10", "192.168.1.20")).inventory
        IpRangeInventory idle = zstack.ok(range(l3.uuid, "192.168.1.30", "192.168.1.40")).inventory
        allocator.allocate(l3.uuid, "192.168.1.10", "vm-a")

        zstack.ok(new DeleteIpRangeAction(uuid: idle.uuid))
        def refused = failsLeavingNothing(new DeleteIpRangeAction(uuid: busy.uuid), SYS_OPERATION)
        assert refused.details.contains("vm-a") && refused.details.contains("Enforcing")
        zstack.ok(new DeleteIpRangeAction(uuid: busy.uuid, deleteMode: "Enforcing"))
        assert queryL3(l3.uuid).ipRanges == []
        assert rows().UsedIpVO == dbf.transaction { em ->
            em.createQuery("select count(u) from UsedIpVO u where u.l3NetworkUuid <> :l3", Long).setParameter("l3", l3.uuid).singleResult
        }
        zstack.ok(new DeleteIpRangeAction(uuid: busy.uuid)) // already gone

        zstack.ok(range(l3.uuid, "192.168.1.10", "192.168.1.20"))
        allocator.allocate(l3.uuid, null, "vm-b")
        assert failsLeavingNothing(new DeleteL3NetworkAction(uuid: l3.uuid), SYS_OPERATION).details.contains("vm-b")
        Map<String, Long> before = rows()
        zstack.ok(new DeleteL3NetworkAction(uuid: l3.uuid, deleteMode: "Enforcing"))
        Map<String, Long> after = rows()
        assert after.L3NetworkVO == before.L3NetworkVO - 1 && after.IpRangeVO == before.IpRangeVO - 1 && after.UsedIpVO == before.UsedIpVO - 1
        assert queryL3(l3.uuid) == null
        zstack.ok(new DeleteL3NetworkAction(uuid: l3.uuid))
    }

    @Test
    void deletingAnL2NetworkDeletesItsL3Networks() {
        def z = zone()
        def c = cluster(z.uuid)
        def l2 = l2(z.uuid)
        zstack.ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c.uuid))
        def a = l3(l2.uuid)
        def b = l3(l2.uuid)
        zstack.ok(cidr(a.uuid, "10.5.0.0/24"))
        zstack.ok(cidr(b.uuid, "10.6.0.0/24"))
        allocator.allocate(b.uuid, null, "vm-b")

        assert failsLeavingNothing(new DeleteL2NetworkAction(uuid: l2.uuid), SYS_OPERATION).details.contains("vm-b")
        Map<String, Long> before = rows()
        zstack.ok(new DeleteL2NetworkAction(uuid: l2.uuid, deleteMode: "Enforcing"))
        assert rows() == [L2NetworkVO: before.L2NetworkVO - 1, L2NetworkClusterRefVO: before.L2NetworkClusterRefVO - 1,
                          L3NetworkVO: before.L3NetworkVO - 2, IpRangeVO: before.IpRangeVO - 2, UsedIpVO: before.UsedIpVO - 1]
        assert queryL3(a.uuid) == null && queryL3(b.uuid) == null
    }

    @Test
    void deletingAZoneDeletesItsNetworks() {
        def z = zone()
        def c = cluster(z.uuid)
        def l2 = l2(z.uuid)
        zstack.ok(new AttachL2NetworkToClusterAction(l2NetworkUuid: l2.uuid, clusterUuid: c.uuid))
        def l3 = l3(l2.uuid)
        zstack.ok(cidr(l3.uuid, "10.7.0.0/24"))
        def ip = allocator.allocate(l3.uuid, null, "vm-z")
        def keep = newL3() // another zone's network stays
        zstack.ok(cidr(keep.uuid, "10.8.0.0/24"))

        // Permissive: an address in use holds the zone back, as a running VM would
        def refused = failsLeavingNothing(new DeleteZoneAction(uuid: z.uuid), SYS_OPERATION)
        assert refused.details.contains("vm-z") && refused.details.contains(z.uuid)

        Map<String, Long> before = rows()
        zstack.ok(new DeleteZoneAction(uuid: z.uuid, deleteMode: "Enforcing"))
        assert rows() == [L2NetworkVO: before.L2NetworkVO - 1, L2NetworkClusterRefVO: before.L2NetworkClusterRefVO - 1,
                          L3NetworkVO: before.L3NetworkVO - 1, IpRangeVO: before.IpRangeVO - 1, UsedIpVO: before.UsedIpVO - 1]
        assert queryL2(l2.uuid) == null && queryL3(l3.uuid) == null
        assert dbf.findByUuid(ip.uuid, UsedIpVO) == null
        assert queryL3(keep.uuid).ipRanges.size() == 1

        // a zone whose networks hold no address goes in Permissive mode too
        def z2 = zone()
        newL3In(z2.uuid)
        zstack.ok(new DeleteZoneAction(uuid: z2.uuid))
        assert zstack.ok(new QueryL2NetworkAction(conditions: ["zoneUuid=${z2.uuid}".toString()])).inventories.isEmpty()
    }

    // ---------------------------------------------------------------- the wire

    @Test
    void restBodiesAndSchemaNameTheServerInventories() {
        def z = zone()
        HttpResult created = rawCall("POST", "/v1/l2-networks/no-vlan", [params: [name: "raw", zoneUuid: z.uuid, physicalInterface: "eth9"]])
        assert created.status == 200: created.toString()
        Map l2 = created.json.inventory as Map
        assert l2.type == "L2NoVlanNetwork" && l2.vSwitchType == "LinuxBridge" && l2.attachedClusterUuids == []

        def c = cluster(z.uuid)
        HttpResult attached = rawCall("POST", "/v1/l2-networks/${l2.uuid}/clusters/${c.uuid}", [params: [:]])
        assert attached.status == 200 && attached.json.inventory.attachedClusterUuids == [c.uuid]: attached.toString()

        HttpResult l3 = rawCall("POST", "/v1/l3-networks", [params: [name: "raw-l3", l2NetworkUuid: l2.uuid]])
        String l3Uuid = l3.json.inventory.uuid
        HttpResult r = rawCall("POST", "/v1/l3-networks/${l3Uuid}/ip-ranges/by-cidr", [params: [name: "r", networkCidr: "10.10.0.0/24"]])
        assert r.status == 200 && r.json.inventory.startIp == "10.10.0.2": r.toString()

        Map q2 = rawGet("/v1/l2-networks/${l2.uuid}").json as Map
        assert q2.schema["inventories[0]"] == "org.zstack.header.network.l2.L2NetworkInventory"
        Map q3 = rawGet("/v1/l3-networks/${l3Uuid}").json as Map
        assert q3.schema["inventories[0]"] == "org.zstack.header.network.l3.L3NetworkInventory"
        assert q3.schema["inventories[0].ipRanges[0]"] == "org.zstack.header.network.l3.IpRangeInventory"
        Map qr = rawGet("/v1/l3-networks/ip-ranges?q=l3NetworkUuid=${l3Uuid}").json as Map
        assert qr.inventories.size() == 1 && qr.schema["inventories[0]"] == "org.zstack.header.network.l3.IpRangeInventory"

        HttpResult avail = rawGet("/v1/l3-networks/${l3Uuid}/ip/10.10.0.1/availability")
        assert avail.status == 200 && avail.json.available == false && avail.json.reason.contains("gateway"): avail.toString()

        HttpResult detached = rawCall("DELETE", "/v1/l2-networks/${l2.uuid}/clusters/${c.uuid}")
        assert detached.status == 200 && detached.json.inventory.attachedClusterUuids == []: detached.toString()
        HttpResult deleted = rawCall("DELETE", "/v1/l3-networks/ip-ranges/${r.json.inventory.uuid}?deleteMode=Permissive")
        assert deleted.status == 200 && deleted.json == [:]: deleted.toString()
    }
}
