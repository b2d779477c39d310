package org.zstack.test.integration.vsphere

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.w3c.dom.Document
import org.w3c.dom.Element
import org.w3c.dom.Node
import org.zstack.testlib.vsphere.VCenterSimulator

import javax.xml.parsers.DocumentBuilderFactory
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.net.http.HttpTimeoutException
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.time.Duration

/**
 * The vCenter simulator of the tests (testlib's VCenterSimulator: govmomi's simulator plus our ExportVm, changed
 * block tracking and controls), checked with raw HTTP and SOAP only, the way a vSphere client sees it: the service
 * content and login, an inventory of 2 datacenters, 3 clusters, 8 hosts and 40 VMs with 3 disks each on standard
 * and distributed portgroups, datastore downloads with Range, the NFC export of a powered-off VM, CBT's allocated
 * and changed areas, and the controls a sync test needs (power off, destroy, stop answering).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class VCenterSimulatorCase {
    static VCenterSimulator vc
    static Path sources
    static Path sparse        // web-01's first disk: 64 MiB with data at 1 MiB (128 KiB) and 40 MiB (64 KiB)
    static Path random        // web-01's second disk: 4 MiB of random bytes, thick
    static final long MiB = 1024 * 1024
    static final List<String> GUEST_IDS = ["debian10_64Guest", "rhel7_64Guest", "windows9Server64Guest"]

    static Map fixture() {
        [
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
                              guestId : GUEST_IDS, firmware: ["bios", "efi"], powerState: ["poweredOn", "poweredOff"]],
                vms        : [
                        [name        : "web-01", datacenter: "DC0", cluster: "DC0_C1", folder: "apps/web",
                         instanceUuid: "50123456-89ab-cdef-0123-456789abcdef", uuid: "42123456-89ab-cdef-0123-456789abcdef",
                         guestId     : "debian10_64Guest", firmware: "efi", cpu: 4, coresPerSocket: 2, memoryMB: 4096,
                         powerState  : "poweredOff", cbt: true, hostName: "web01.lab",
                         nics        : [[mac: "00:50:56:3f:00:01", network: "VLAN100", type: "e1000e", ips: ["10.0.0.5"]],
                                        [mac: "00:50:56:3f:00:02", network: "DC0_DVPG0"]],
                         disks       : [[source: sparse.toString(), thin: true],
                                        [source: random.toString(), thin: false],
                                        [capacityMB: 8]]],
                        [name : "db-01", datacenter: "DC1", host: "DC1_C0_H1", guestId: "rhel8_64Guest", powerState: "poweredOn",
                         nics : [[mac: "00:50:56:3f:00:03", network: "DC1_DVS0_PG1", type: "vmxnet3"]],
                         disks: [[source: random.toString()], [capacityMB: 16], [capacityMB: 16, thin: false]]],
                ],
        ]
    }

    @BeforeAll
    static void boot() {
        sources = Files.createTempDirectory("vcsim-case")
        sparse = sources.resolve("sparse.raw")
        new RandomAccessFile(sparse.toFile(), "rw").withCloseable { f ->
            f.setLength(64 * MiB)
            f.seek(1 * MiB)
            f.write(pattern(128 * 1024, 1))
            f.seek(40 * MiB)
            f.write(pattern(64 * 1024, 2))
        }
        random = sources.resolve("random.raw")
        byte[] bytes = new byte[4 * MiB as int]
        new Random(42).nextBytes(bytes)
        Files.write(random, bytes)

        vc = VCenterSimulator.start(fixture())
        println "vCenter simulator: ${vc.url}, binary ${vc.build}, ready in ${vc.startMillis} ms " +
                "(the simulator itself: ${vc.readyMillis} ms)"
    }

    @AfterAll
    static void shutdown() {
        vc?.stop()
        sources?.toFile()?.deleteDir()
    }

    static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length]
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ((i * 31 + seed * 7) % 251 + 1)
        }
        return b
    }

    static String sha256(byte[] b) { MessageDigest.getInstance("SHA-256").digest(b).encodeHex().toString() }

    // ---- a raw SOAP client: an envelope per call, the session cookie kept by a cookie manager ----

    static class Soap {
        final VCenterSimulator vc
        final HttpClient http

        Soap(VCenterSimulator vc, Duration timeout = Duration.ofSeconds(30)) {
            this.vc = vc
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(vc.sslContext)
                    .cookieHandler(new CookieManager()).connectTimeout(timeout).build()
        }

        Reply call(String method, String type, String value, String args = "", Duration timeout = Duration.ofSeconds(30)) {
            String body = """<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<soapenv:Body><${method} xmlns="urn:vim25"><_this type="${type}">${value}</_this>${args}</${method}></soapenv:Body>
</soapenv:Envelope>"""
            HttpRequest req = HttpRequest.newBuilder(URI.create(vc.url)).timeout(timeout)
                    .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "urn:vim25/6.5")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build()
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString())
            return new Reply(res.statusCode(), res.body())
        }

        Reply login(String user = vc.username, String password = vc.password) {
            call("Login", "SessionManager", "SessionManager", "<userName>${user}</userName><password>${password}</password>")
        }

        /** RetrieveProperties of the given paths of some objects of one type. */
        Reply props(String type, List<String> moids, List<String> paths, boolean check = true) {
            String spec = "<specSet><propSet><type>${type}</type>${paths.collect { "<pathSet>${it}</pathSet>" }.join("")}</propSet>" +
                    moids.collect { "<objectSet><obj type=\"${type}\">${it}</obj></objectSet>" }.join("") + "</specSet>"
            Reply r = call("RetrieveProperties", "PropertyCollector", "propertyCollector", spec)
            assert !check || r.status == 200: r.body
            return r
        }

        String prop(String type, String moid, String path) {
            props(type, [moid], [path]).first("val")
        }

        /** Waits for a task and returns its info's result (a moid) or fails with its error. */
        String waitTask(Reply started) {
            assert started.status == 200: started.body
            String task = started.first("returnval")
            long deadline = System.currentTimeMillis() + 30000
            while (true) {
                Reply info = props("Task", [task], ["info"])
                String state = info.first("state")
                if (state == "success") {
                    return info.first("result")
                }
                assert state != "error": "task ${task} failed: ${info.body}"
                assert System.currentTimeMillis() < deadline: "task ${task} still ${state}"
                Thread.sleep(20)
            }
        }
    }

    static class Reply {
        final int status
        final String body
        final Document doc

        Reply(int status, String body) {
            this.status = status
            this.body = body
            def f = DocumentBuilderFactory.newInstance()
            f.namespaceAware = true
            // not XML: an HTTP error of the simulator's controls (503 while paused)
            this.doc = body.startsWith("<") ? f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes("UTF-8"))) : null
        }

        List<Element> all(String localName, Node under = doc) {
            if (under == null) {
                return []
            }
            def list = under instanceof Document ? ((Document) under).getElementsByTagNameNS("*", localName) :
                    ((Element) under).getElementsByTagNameNS("*", localName)
            (0..<list.length).collect { list.item(it) as Element }
        }

        List<String> texts(String localName) { all(localName)*.textContent }

        String first(String localName) { texts(localName)[0] }

        /** The vSphere fault of a SOAP fault: the xsi:type of the detail's element. */
        String getFault() {
            Element d = all("detail")[0]
            if (d == null) {
                return null
            }
            Element f = (0..<d.childNodes.length).collect { d.childNodes.item(it) }.find { it instanceof Element } as Element
            return f?.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")
        }
    }

    static Map vmOf(Map inventory, String name) { inventory.vms.find { it.name == name } as Map }

    // ---- the cases ----

    @Test
    @Order(1)
    void serviceContentAndLogin() {
        Soap soap = new Soap(vc)
        Reply content = soap.call("RetrieveServiceContent", "ServiceInstance", "ServiceInstance")
        assert content.status == 200
        assert content.first("apiType") == "VirtualCenter"
        assert content.first("rootFolder") != null
        assert content.first("propertyCollector") == "propertyCollector"

        Reply wrong = soap.login(vc.username, "not-the-password")
        assert wrong.status == 500 && wrong.fault == "InvalidLogin"
        Reply unauthenticated = soap.call("CurrentTime", "ServiceInstance", "ServiceInstance")
        assert unauthenticated.fault == "NotAuthenticated"

        Reply login = soap.login()
        assert login.status == 200: login.body
        assert login.first("userName") == vc.username
        assert soap.call("CurrentTime", "ServiceInstance", "ServiceInstance").status == 200
    }

    @Test
    @Order(2)
    void inventoryHoldsTheFixture() {
        Map inv = vc.inventory()
        Map c = inv.counts as Map
        assert c.datacenters == 2
        assert c.clusters == 3
        assert c.hosts == 8
        assert c.standaloneHosts == 1
        assert c.vms == 40
        assert c.disks == 120
        assert c.dvSwitches == 2
        assert c.dvPortgroups == 4: "2 per switch, not counting the uplink portgroups"
        assert c.dvUplinkPortgroups == 2
        assert c.datastores == 2
        assert c.poweredOn + c.poweredOff == 40

        Map dc0 = inv.datacenters.find { it.name == "DC0" } as Map
        assert dc0.clusters*.name == ["DC0_C0", "DC0_C1"]
        assert dc0.clusters.find { it.name == "DC0_C0" }.hosts == ["DC0_C0_H0", "DC0_C0_H1", "DC0_C0_H2"]
        assert dc0.hosts.size() == 6
        assert dc0.hosts.find { it.name == "DC0_H0" }.cluster == ""
        dc0.hosts.each { h ->
            assert h.datastores == ["DC0_DS0"]: "every host mounts the datacenter's datastore"
            assert h.networks.containsAll(["VM Network", "VLAN100", "DC0_DVPG0", "DC0_DVPG1"])
        }
        Map vlan100 = dc0.networks.find { it.name == "VLAN100" } as Map
        assert vlan100.type == "Network" && vlan100.vlan == 100 && vlan100.hosts == 6
        Map dvpg0 = dc0.networks.find { it.name == "DC0_DVPG0" } as Map
        assert dvpg0.type == "DistributedVirtualPortgroup" && dvpg0.distributed && dvpg0.vlan == 200 && dvpg0.dvSwitch == "DC0_DVS0"
        assert dc0.dvSwitches*.name == ["DC0_DVS0"]

        List<String> macs = []
        inv.vms.each { Map vm ->
            assert vm.disks.size() == 3: vm.name
            assert vm.nics.size() >= 1: vm.name
            Map dc = inv.datacenters.find { it.name == vm.datacenter } as Map
            vm.disks.each { Map d ->
                Path flat = Path.of(d.file as String)
                assert Files.size(flat) == d.capacityBytes: "${vm.name} ${d.fileName}"
                assert Files.readString(Path.of(d.descriptor as String)).contains("createType=\"monolithicFlat\"")
                assert d.fileName == "[${d.datastore}] ${vm.name}/${flat.fileName.toString().replace("-flat.vmdk", ".vmdk")}"
                assert d.uuid ==~ /6000C29[0-9a-f]-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/
            }
            assert vm.disks*.key == [2000, 2001, 2002]
            vm.nics.each { Map n ->
                macs << (n.mac as String)
                Map net = dc.networks.find { it.name == n.network } as Map
                assert net != null: "${vm.name} is on ${n.network}, a network of its datacenter"
                assert net.distributed == n.distributed
                assert !net.uplink
            }
            if (vm.name.contains("_VM")) {
                assert vm.cpu == 2 && vm.memoryMB == 2048
                assert vm.guestId in GUEST_IDS
                assert vm.firmware in ["bios", "efi"]
                assert vm.disks.every { it.capacityBytes == 4 * MiB && it.thin }
                assert vm.nics.size() == 2
            }
        }
        assert macs.size() == 38 * 2 + 2 + 1: "two NICs on each generated VM, 2 + 1 on the explicit ones"
        assert macs.unique(false).size() == macs.size(): "every NIC has its own MAC"
        assert macs.every { it ==~ /00:50:56:[0-3][0-9a-f](:[0-9a-f]{2}){2}/ }
        assert inv.vms.findAll { it.nics.any { n -> n.distributed } }.size() > 20: "distributed portgroups are used"

        Map web = vmOf(inv, "web-01")
        assert web.datacenter == "DC0" && web.cluster == "DC0_C1" && web.folder == "apps/web"
        assert web.instanceUuid == "50123456-89ab-cdef-0123-456789abcdef"
        assert web.uuid == "42123456-89ab-cdef-0123-456789abcdef"
        assert web.guestId == "debian10_64Guest" && web.guestFullName == "Debian GNU/Linux 10 (64-bit)"
        assert web.firmware == "efi" && web.cpu == 4 && web.coresPerSocket == 2 && web.memoryMB == 4096
        assert web.powerState == "poweredOff" && web.changeTrackingEnabled
        assert web.guestHostName == "web01.lab"
        assert web.nics.collect { [it.mac, it.network, it.type, it.distributed] } ==
                [["00:50:56:3f:00:01", "VLAN100", "e1000e", false], ["00:50:56:3f:00:02", "DC0_DVPG0", "vmxnet3", true]]
        assert web.nics[0].ips == ["10.0.0.5"]
        assert web.disks.collect { [it.capacityBytes, it.thin] } == [[64 * MiB, true], [4 * MiB, false], [8 * MiB, true]]
        Map db = vmOf(inv, "db-01")
        assert db.host == "DC1_C0_H1" && db.powerState == "poweredOn" && db.guestId == "rhel8_64Guest"

        // what a SOAP client reads agrees: names, instance uuids, power states, MACs and disk files of all 40 VMs
        Soap soap = new Soap(vc)
        soap.login()
        Reply r = soap.props("VirtualMachine", inv.vms*.moid as List<String>,
                ["name", "config.instanceUuid", "runtime.powerState", "config.hardware.device"])
        List<Element> objects = r.all("returnval")
        assert objects.size() == 40
        objects.each { Element o ->
            Map props = [:]
            r.all("propSet", o).each { Element p -> props[r.all("name", p)[0].textContent] = r.all("val", p)[0] }
            Map vm = vmOf(inv, props["name"].textContent)
            assert vm != null
            assert props["config.instanceUuid"].textContent == vm.instanceUuid
            assert props["runtime.powerState"].textContent == vm.powerState
            Element devices = props["config.hardware.device"] as Element
            assert r.all("macAddress", devices)*.textContent == vm.nics*.mac
            assert r.all("fileName", devices)*.textContent == vm.disks*.fileName
        }
    }

    @Test
    @Order(3)
    void datastoreDownloadWithRange() {
        Map web = vc.vm("web-01")
        Map disk = web.disks[0] as Map
        String url = vc.datastoreUrl("DC0", disk.datastore as String, disk.datastorePath as String)
        Soap soap = new Soap(vc)
        soap.login()
        long offset = 1 * MiB - 100
        HttpResponse<byte[]> part = soap.http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Range", "bytes=${offset}-${offset + 4095}").build(), HttpResponse.BodyHandlers.ofByteArray())
        assert part.statusCode() == 206
        assert part.headers().firstValue("Content-Range").get() == "bytes ${offset}-${offset + 4095}/${64 * MiB}".toString()
        byte[] expected = new byte[4096]
        new RandomAccessFile(sparse.toFile(), "r").withCloseable { it.seek(offset); it.readFully(expected) }
        assert part.body() == expected

        // like vCenter's, the datastore wants the session cookie, or basic authentication
        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(vc.sslContext).build()
        assert anonymous.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 401
        String basic = Base64.encoder.encodeToString("${vc.username}:${vc.password}".toString().getBytes("UTF-8"))
        HttpResponse<byte[]> withBasic = anonymous.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + basic)
                .header("Range", "bytes=${offset}-${offset + 4095}").build(), HttpResponse.BodyHandlers.ofByteArray())
        assert withBasic.statusCode() == 206 && withBasic.body() == expected

        Map second = web.disks[1] as Map
        HttpResponse<byte[]> whole = soap.http.send(HttpRequest.newBuilder(URI.create(
                vc.datastoreUrl("DC0", second.datastore as String, second.datastorePath as String))).build(),
                HttpResponse.BodyHandlers.ofByteArray())
        assert whole.statusCode() == 200
        assert sha256(whole.body()) == sha256(Files.readAllBytes(random))
    }

    @Test
    @Order(4)
    void exportVmServesTheDisksOfAPoweredOffVm() {
        Soap soap = new Soap(vc)
        soap.login()
        Map db = vc.vm("db-01")
        Reply refused = soap.call("ExportVm", "VirtualMachine", db.moid as String)
        assert refused.status == 500
        assert refused.fault == "InvalidPowerState"
        assert refused.first("existingState") == "poweredOn"

        vc.powerOff("db-01")
        Reply exported = soap.call("ExportVm", "VirtualMachine", db.moid as String)
        assert exported.status == 200: exported.body
        String lease = exported.first("returnval")
        String state = soap.prop("HttpNfcLease", lease, "state")
        long deadline = System.currentTimeMillis() + 10000
        while (state == "initializing") {
            assert System.currentTimeMillis() < deadline
            Thread.sleep(20)
            state = soap.prop("HttpNfcLease", lease, "state")
        }
        assert state == "ready"
        Reply info = soap.props("HttpNfcLease", [lease], ["info"])
        List<Element> urls = info.all("deviceUrl")
        assert urls.size() == 3
        assert info.first("totalDiskCapacityInKB") as long == (4 * MiB + 32 * MiB) / 1024
        assert info.texts("sslThumbprint").every { it == vc.thumbprint }
        assert info.texts("key")[0] == "/${db.moid}/ParaVirtualSCSIController0:0".toString()

        urls.eachWithIndex { Element u, int i ->
            String url = info.all("url", u)[0].textContent
            HttpResponse<byte[]> res = soap.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
            assert res.statusCode() == 200
            assert res.body().length == db.disks[i].capacityBytes
            assert sha256(res.body()) == sha256(Files.readAllBytes(Path.of(db.disks[i].file as String)))
            if (i == 0) {
                assert sha256(res.body()) == sha256(Files.readAllBytes(random)): "the source file, byte for byte"
                HttpResponse<byte[]> part = soap.http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Range", "bytes=1000-1999").build(), HttpResponse.BodyHandlers.ofByteArray())
                assert part.statusCode() == 206 && part.body() == Arrays.copyOfRange(Files.readAllBytes(random), 1000, 2000)
            }
        }
        assert soap.call("HttpNfcLeaseProgress", "HttpNfcLease", lease, "<percent>50</percent>").status == 200
        assert soap.call("HttpNfcLeaseComplete", "HttpNfcLease", lease).status == 200
        assert soap.prop("HttpNfcLease", lease, "state") == "done"
        String first = info.all("url", urls[0])[0].textContent
        assert soap.http.send(HttpRequest.newBuilder(URI.create(first)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 404: "a completed lease serves nothing"
        assert (vc.stats().nfcBytes as long) >= 36 * MiB
    }

    @Test
    @Order(5)
    void changedBlockTracking() {
        Soap soap = new Soap(vc)
        soap.login()
        Map web = vc.vm("web-01")
        String vm = web.moid
        String snap1 = soap.waitTask(soap.call("CreateSnapshot_Task", "VirtualMachine", vm,
                "<name>s1</name><memory>false</memory><quiesce>false</quiesce>"))
        Reply snapConfig = soap.props("VirtualMachineSnapshot", [snap1], ["config.hardware.device"])
        List<String> changeIds = snapConfig.texts("changeId")
        assert changeIds.size() == 3 && changeIds.every { it ==~ /52( [0-9a-f]{2}){7}-[0-9a-f]{2}( [0-9a-f]{2}){7}\/\d+/ }
        assert vc.vm("web-01").disks*.changeId == changeIds: "the live disks carry the latest changeIds"

        Closure<Reply> query = { String snapshot, int key, String changeId, long start = 0 ->
            soap.call("QueryChangedDiskAreas", "VirtualMachine", vm,
                    "<snapshot type=\"VirtualMachineSnapshot\">${snapshot}</snapshot><deviceKey>${key}</deviceKey>" +
                            "<startOffset>${start}</startOffset><changeId>${changeId}</changeId>")
        }
        Closure<List> extents = { Reply r ->
            assert r.status == 200: r.body
            r.all("changedArea").collect { [r.all("start", it)[0].textContent as long, r.all("length", it)[0].textContent as long] }
        }

        Reply all = query(snap1, 2000, "*")
        assert all.first("length") as long == 64 * MiB
        assert extents(all) == [[1 * MiB, 128 * 1024], [40 * MiB, 64 * 1024]]: "a sparse disk: only its written regions"
        assert extents(query(snap1, 2000, "*", 20 * MiB)) == [[40 * MiB, 64 * 1024]]
        assert extents(query(snap1, 2001, "*")) == [[0, 4 * MiB]]: "a thick disk is allocated everywhere"
        assert extents(query(snap1, 2002, "*")) == []

        vc.writeDisk("web-01", 0, 1 * MiB + 70000, "changed".bytes)            // inside a block that had data
        vc.writeDisk("web-01", 0, 50 * MiB, new byte[4096].with { Arrays.fill(it, (byte) 9); it }) // a hole before
        vc.writeDisk("web-01", 0, 40 * MiB, pattern(100, 2))                   // the same bytes: no change
        Map s2 = vc.snapshot("web-01", "s2")
        assert s2.changeIds["2000"] != changeIds[0]
        String snap2 = s2.snapshot
        assert extents(query(snap2, 2000, changeIds[0])) == [[1 * MiB + 64 * 1024, 64 * 1024], [50 * MiB, 64 * 1024]]
        assert extents(query(snap2, 2001, changeIds[1])) == []
        assert extents(query(snap2, 2000, s2.changeIds["2000"] as String)) == []: "nothing changed since itself"

        Reply unknown = query(snap2, 2000, "52 00 00 00 00 00 00 00-00 00 00 00 00 00 00 00/1")
        assert unknown.status == 500 && unknown.fault == "FileFault"
        Reply badKey = query(snap2, 4000, "*")
        assert badKey.fault == "InvalidArgument"

        // a VM without CBT has no changeIds and refuses the query
        Map plain = vc.inventory().vms.find { !it.changeTrackingEnabled && it.powerState == "poweredOff" } as Map
        String plainSnap = soap.waitTask(soap.call("CreateSnapshot_Task", "VirtualMachine", plain.moid as String,
                "<name>s</name><memory>false</memory><quiesce>false</quiesce>"))
        assert soap.props("VirtualMachineSnapshot", [plainSnap], ["config.hardware.device"]).texts("changeId").every { it == "" }
        Reply off = soap.call("QueryChangedDiskAreas", "VirtualMachine", plain.moid as String,
                "<snapshot type=\"VirtualMachineSnapshot\">${plainSnap}</snapshot><deviceKey>2000</deviceKey>" +
                        "<startOffset>0</startOffset><changeId>*</changeId>")
        assert off.fault == "FileFault"
    }

    @Test
    @Order(6)
    void streamOptimizedExportReadsBackAsTheSameDisk() {
        VCenterSimulator small = VCenterSimulator.start([datacenters: 1, vmsPerDatacenter: 0, exportFormat: "streamOptimized",
                                                         vms        : [[name: "src", powerState: "poweredOff",
                                                                        disks: [[source: sparse.toString()], [capacityMB: 2]]]]])
        try {
            Soap soap = new Soap(small)
            soap.login()
            Reply exported = soap.call("ExportVm", "VirtualMachine", small.vm("src").moid as String)
            String lease = exported.first("returnval")
            while (soap.prop("HttpNfcLease", lease, "state") != "ready") {
                Thread.sleep(20)
            }
            String url = soap.props("HttpNfcLease", [lease], ["info"]).texts("url")[0]
            assert url.endsWith("/disk-0.vmdk")
            Path vmdk = sources.resolve("exported.vmdk")
            def res = soap.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(vmdk))
            assert res.statusCode() == 200
            assert Files.size(vmdk) < 1 * MiB: "holes and zeros are not sent"
            Process cmp = new ProcessBuilder("qemu-img", "compare", "-f", "vmdk", "-F", "raw", vmdk.toString(), sparse.toString())
                    .redirectErrorStream(true).start()
            String out = cmp.inputStream.text
            assert cmp.waitFor() == 0: out
            assert out.contains("identical")
        } finally {
            small.stop()
        }
    }

    @Test
    @Order(7)
    void controlsForSyncTests() {
        Soap soap = new Soap(vc)
        soap.login()
        String vmName = vc.inventory().vms.find { it.name.startsWith("DC1_VM") && it.powerState == "poweredOn" }.name
        Map off = vc.powerOff(vmName)
        assert off.powerState == "poweredOff"
        assert soap.prop("VirtualMachine", off.moid as String, "runtime.powerState") == "poweredOff"

        Map gone = vc.destroy("DC0_VM3")
        Map inv = vc.inventory()
        assert inv.counts.vms == 39
        assert vmOf(inv, "DC0_VM3") == null
        Reply stale = soap.props("VirtualMachine", [gone.moid as String], ["name"], false)
        assert stale.all("returnval").isEmpty() || stale.body.contains("ManagedObjectNotFound")
        assert !Files.exists(Path.of(inv.datacenters.find { it.name == "DC0" }.datastores[0].dir as String, "DC0_VM3"))

        // hang: requests wait (the client times out) until resume
        vc.pause()
        try {
            soap.call("CurrentTime", "ServiceInstance", "ServiceInstance", "", Duration.ofMillis(700))
            assert false: "a paused simulator answered"
        } catch (HttpTimeoutException expected) {
        }
        assert vc.stats().paused
        vc.resume()
        assert soap.call("CurrentTime", "ServiceInstance", "ServiceInstance").status == 200

        // stop in the middle of a sync: 2 more answers, then silence
        vc.pause("hang", 2)
        assert soap.call("CurrentTime", "ServiceInstance", "ServiceInstance").status == 200
        assert soap.call("CurrentTime", "ServiceInstance", "ServiceInstance").status == 200
        try {
            soap.call("CurrentTime", "ServiceInstance", "ServiceInstance", "", Duration.ofMillis(700))
            assert false: "the third call was answered"
        } catch (HttpTimeoutException expected) {
        }
        vc.pause("error")
        assert soap.call("CurrentTime", "ServiceInstance", "ServiceInstance").status == 503
        vc.resume()
        assert soap.call("CurrentTime", "ServiceInstance", "ServiceInstance").status == 200

        // the whole process frozen: nothing answers, not even the control endpoint
        vc.freeze()
        try {
            soap.call("CurrentTime", "ServiceInstance", "ServiceInstance", "", Duration.ofMillis(700))
            assert false: "a frozen simulator answered"
        } catch (HttpTimeoutException expected) {
        } finally {
            vc.thaw()
        }
        assert soap.call("CurrentTime", "ServiceInstance", "ServiceInstance").status == 200
        assert (vc.stats().soapCalls as Map).CurrentTime >= 5
    }

    @Test
    @Order(8)
    void startsInWellUnderASecondAndBuildsOnce() {
        Path cache = Files.createTempDirectory("vcsim-cache")
        try {
            def first = VCenterSimulator.binary(cache)
            assert first.built
            def second = VCenterSimulator.binary(cache)
            assert !second.built && second.path == first.path
            println "vCenter simulator build (Go build cache warm): ${first.millis} ms"
        } finally {
            cache.toFile().deleteDir()
        }

        VCenterSimulator again = VCenterSimulator.start(fixture())
        try {
            assert !VCenterSimulator.lastBuild.built: "the second start reuses the cached binary"
            assert again.build.path == vc.build.path
            println "vCenter simulator with 40 VMs: ready in ${again.startMillis} ms (the simulator itself: ${again.readyMillis} ms)"
            assert again.startMillis < 5000
            assert again.inventory().counts.vms == 40
            assert again.port != vc.port
        } finally {
            again.stop()
        }
        assert !ProcessHandle.of(again.pid).map { it.alive }.orElse(false): "stopped by its PID"
        assert !Files.exists(again.runDir)

        Map<String, byte[]> sources = VCenterSimulator.sources()
        String hash = VCenterSimulator.hash(sources, "go1.19")
        Map<String, byte[]> changed = new TreeMap<>(sources)
        changed["main.go"] = (new String(sources["main.go"], "UTF-8") + "\n// changed\n").getBytes("UTF-8")
        assert VCenterSimulator.hash(changed, "go1.19") != hash: "changed sources get a new cache directory"
        assert VCenterSimulator.hash(sources, "go1.20") != hash: "so does another Go"
    }

    @Test
    @Order(9)
    void aWrongFixtureFailsWithTheSimulatorsReason() {
        try {
            VCenterSimulator.start([datacenters: 1, vms: [[name: "x", disks: [[capacityMB: 1, thinn: true]]]]])
            assert false: "a misspelt field was accepted"
        } catch (IllegalStateException e) {
            assert e.message.contains("unknown field") && e.message.contains("thinn")
        }
        try {
            VCenterSimulator.start([datacenters: 1, vms: [[name: "x", nics: [[network: "no-such-portgroup"]]]]])
            assert false: "a VM on a missing portgroup was accepted"
        } catch (IllegalStateException e) {
            assert e.message.contains("no portgroup \"no-such-portgroup\"")
        }
    }
}
