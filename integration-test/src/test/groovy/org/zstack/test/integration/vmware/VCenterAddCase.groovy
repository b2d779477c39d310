package org.zstack.test.integration.vmware

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.slf4j.LoggerFactory
import org.zstack.sdk.*
import org.zstack.testlib.AgentProcess
import org.zstack.testlib.vsphere.VCenterSimulator
import org.zstack.vmware.VCenterVO

import java.nio.charset.StandardCharsets

/**
 * Adding a vCenter (the simulator, a real vSphere SOAP API): what a good one records, and every bad input refused
 * with a ZStack error, nothing stored, and no password in any log line, even with every logger at TRACE.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class VCenterAddCase {
    static final String WRONG_PASSWORD = "Wr0ng-Pa55-Xyzzy"
    static final String LONG_PASSWORD = "L0ng-" + "p" * 300
    static VCenterEnv env
    static VCenterSimulator vc
    static NotAVCenter web
    static Level rootLevel
    static Level vmwareLevel

    @BeforeAll
    static void boot() {
        // the most a log could say: every logger of ours and yavijava's at their finest
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        Logger vmware = (Logger) LoggerFactory.getLogger("com.vmware")
        rootLevel = root.level
        vmwareLevel = vmware.level
        root.level = Level.DEBUG
        vmware.level = Level.TRACE
        env = new VCenterEnv()
        vc = VCenterSimulator.start([password: VCenterEnv.PASSWORD, datacenters: 1, vmsPerDatacenter: 2])
        // what a vCenter that is not answering is given up after
        env.updateGlobalConfig("vmware", "connection.readTimeout", "10")
        web = new NotAVCenter()
    }

    @AfterAll
    static void shutdown() {
        web?.close()
        vc?.stop()
        env?.stop()
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).level = rootLevel
        ((Logger) LoggerFactory.getLogger("com.vmware")).level = vmwareLevel
    }

    private static AddVCenterAction.Result add(Map params) {
        def a = new AddVCenterAction(name: "vc", domainName: vc.host, port: vc.port, username: vc.username,
                password: VCenterEnv.PASSWORD, zoneUuid: env.zone.uuid, sessionId: env.session)
        params.each { k, v -> a."$k" = v }
        return a.call()
    }

    /** The same, in raw HTTP: the SDK itself refuses what breaks its @Param rules, the server must too. */
    private static Map addRaw(Map params) {
        Map p = [name: "vc", domainName: vc.host, port: vc.port, username: vc.username, password: VCenterEnv.PASSWORD,
                 zoneUuid: env.zone.uuid] + params
        p = p.findAll { k, v -> v != null }
        def accepted = env.node.http("POST", "/v1/vcenters", [params: p], ["Authorization": "OAuth ${env.session}".toString()])
        def done = env.node.poll(accepted)
        assert done.status == 503: done
        return done.json.error as Map
    }

    private static void assertNothingStored() {
        assert env.query(new QueryVCenterAction()).isEmpty()
        assert env.query(new QueryClusterAction(), ["hypervisorType=ESX"]).isEmpty()
        assert env.query(new QueryHostAction(), ["hypervisorType=ESX"]).isEmpty()
        assert env.query(new QueryVmInstanceAction()).isEmpty()
        assert env.query(new QueryPrimaryStorageAction(), ["type=VCenter"]).isEmpty()
    }

    @Test
    @Order(1)
    void badInputIsRefusedAndNothingIsStored() {
        int freePort = AgentProcess.freePort()
        Map<String, Map> cases = [
                "VCENTER.1001 wrong password"          : [password: WRONG_PASSWORD],
                "VCENTER.1001 wrong user"              : [username: "nobody"],
                "VCENTER.1000 wrong port"              : [port: freePort],
                "VCENTER.1000 unknown host"            : [domainName: "no-such-vcenter.invalid"],
                "VCENTER.1002 a web server over http"  : [port: web.port, https: false],
                "VCENTER.1002 a web server over https" : [port: web.port],
                "SYS.1007 zone that does not exist"    : [zoneUuid: "0" * 32],
                "SYS.1007 password too long"           : [password: LONG_PASSWORD],
                "SYS.1007 no password"                 : [password: null],
                "SYS.1007 empty user"                  : [username: ""],
                "SYS.1007 port out of range"           : [port: 70000],
                "SYS.1007 a URL as domainName"         : [domainName: "https://${vc.host}/sdk".toString()],
        ]
        cases.each { String label, Map params ->
            String code = label.split(" ")[0]
            Map error
            if (code == "SYS.1007") {
                error = addRaw(params)
            } else {
                def r = add(params)
                assert r.error != null: label
                error = [code: r.error.code, details: r.error.details]
            }
            assert error.code == code: "${label}: ${error}"
            String details = error.details
            assert !details.contains("Exception"): "${label}: ${details}"
            assert !details.contains(VCenterEnv.PASSWORD) && !details.contains(WRONG_PASSWORD) && !details.contains(LONG_PASSWORD)
            assertNothingStored()
        }
    }

    @Test
    @Order(2)
    void aVCenterIsAddedWithItsVersionAndThumbprintAndAnEncryptedPassword() {
        def inv = add([description: "the lab's vCenter"]).throwExceptionIfError().value.inventory
        assert inv.name == "vc"
        assert inv.domainName == vc.host
        assert inv.port == vc.port
        assert inv.https
        assert inv.userName == vc.username
        assert inv.zoneUuid == env.zone.uuid
        assert inv.state == "Enabled"
        assert inv.status == "Connected"
        assert inv.version == "6.5.0"
        assert inv.thumbprint == vc.thumbprint
        assert inv.lastSyncDate != null

        // the password never leaves the node, and is not in the database in clear
        def raw = env.node.http("GET", "/v1/vcenters/${inv.uuid}", null, ["Authorization": "OAuth ${env.session}".toString()])
        assert raw.status == 200
        assert !raw.text.contains("password") && !raw.text.contains(VCenterEnv.PASSWORD)
        VCenterVO vo = env.dbf.findByUuid(inv.uuid, VCenterVO)
        assert vo.password.startsWith("enc:v1:")
        assert !vo.password.contains(VCenterEnv.PASSWORD)
        assert !vo.toString().contains(vo.password)

        // the first sync came with the add
        assert env.query(new QueryVmInstanceAction(), ["hypervisorType=ESX"]).size() == 2

        def dup = add([name: "again"])
        assert dup.error.code == "VCENTER.1004": dup.error
        def dupUpperCase = add([name: "again", domainName: vc.host.toUpperCase()])
        assert dupUpperCase.error.code == "VCENTER.1004"
        assert env.query(new QueryVCenterAction()).size() == 1
    }

    @Test
    @Order(3)
    void updateTriesNewCredentialsBeforeStoringThem() {
        def inv = env.query(new QueryVCenterAction())[0] as VCenterInventory
        String encrypted = env.dbf.findByUuid(inv.uuid, VCenterVO).password

        def bad = new UpdateVCenterAction(uuid: inv.uuid, password: WRONG_PASSWORD, name: "renamed", sessionId: env.session).call()
        assert bad.error.code == "VCENTER.1001": bad.error
        VCenterVO vo = env.dbf.findByUuid(inv.uuid, VCenterVO)
        assert vo.password == encrypted
        assert vo.name == "vc": "a refused update changes nothing"

        def renamed = new UpdateVCenterAction(uuid: inv.uuid, name: "renamed", description: "d", sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        assert renamed.name == "renamed"
        assert renamed.description == "d"

        def good = new UpdateVCenterAction(uuid: inv.uuid, password: VCenterEnv.PASSWORD, sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        assert good.status == "Connected"
        assert env.dbf.findByUuid(inv.uuid, VCenterVO).password != encrypted: "encrypted anew"
        env.sync(inv.uuid)

        def disabled = new UpdateVCenterAction(uuid: inv.uuid, state: "Disabled", sessionId: env.session).call().throwExceptionIfError().value.inventory
        assert disabled.state == "Disabled"
        def refused = new SyncVCenterAction(uuid: inv.uuid, sessionId: env.session).call()
        assert refused.error.code == "VCENTER.1006"
        new UpdateVCenterAction(uuid: inv.uuid, state: "Enabled", sessionId: env.session).call().throwExceptionIfError()
    }

    @Test
    @Order(4)
    void aChangedCertificateIsRefusedUntilTheUpdateAcceptsIt() {
        def inv = env.query(new QueryVCenterAction())[0] as VCenterInventory
        env.dbf.updateById(VCenterVO, inv.uuid) { VCenterVO v -> v.thumbprint = "00:" * 19 + "00" }
        env.pool.invalidate(inv.uuid)
        def r = new SyncVCenterAction(uuid: inv.uuid, sessionId: env.session).call()
        assert r.error.code == "VCENTER.1005": r.error
        assert r.error.cause.code == "VCENTER.1003": r.error.cause
        assert r.error.details.contains(vc.thumbprint)
        def now = env.query(new QueryVCenterAction())[0] as VCenterInventory
        assert now.status == "Disconnected"
        assert now.lastSyncError.contains("thumbprint")

        def accepted = new UpdateVCenterAction(uuid: inv.uuid, password: VCenterEnv.PASSWORD, sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        assert accepted.thumbprint == vc.thumbprint
        assert env.sync(inv.uuid).status == "Connected"
    }

    @Test
    @Order(5)
    void deleteRemovesEverythingAndASyncOfADeletedVCenterIsRefused() {
        def inv = env.query(new QueryVCenterAction())[0] as VCenterInventory
        new DeleteVCenterAction(uuid: inv.uuid, sessionId: env.session).call().throwExceptionIfError()
        assertNothingStored()
        assert env.query(new QueryVCenterDatacenterAction()).isEmpty()
        assert env.query(new QueryVCenterNetworkAction()).isEmpty()
        assert env.query(new QueryVCenterResourcePoolAction()).isEmpty()
        assert env.pool.openSessions(inv.uuid) == 0
        def r = new SyncVCenterAction(uuid: inv.uuid, sessionId: env.session).call()
        assert r.error.code == "SYS.1007": r.error
        // deleting again is no error
        new DeleteVCenterAction(uuid: inv.uuid, sessionId: env.session).call().throwExceptionIfError()
    }

    @Test
    @Order(6)
    void noPasswordInAnyLogLine() {
        assert env.log.lines.size() > 20: "the capture works"
        assert !env.log.containing("syncing vCenter").isEmpty()
        for (String secret : [VCenterEnv.PASSWORD, WRONG_PASSWORD, LONG_PASSWORD.substring(0, 40)]) {
            assert env.log.containing(secret).isEmpty(): env.log.containing(secret)[0]
        }
    }

    /**
     * A web server that is no vCenter: whatever comes (an HTTP request, a TLS handshake), it answers a 404 page at
     * once, as a web server answers what it does not understand.
     */
    static class NotAVCenter implements Closeable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))
        final Thread thread

        NotAVCenter() {
            thread = Thread.start("not-a-vcenter") {
                while (!server.closed) {
                    try {
                        Socket s = server.accept()
                        Thread.start {
                            s.withCloseable {
                                s.soTimeout = 300
                                try {
                                    s.inputStream.read(new byte[65536])
                                } catch (SocketTimeoutException ignored) {
                                }
                                byte[] page = "<html><body>It works!</body></html>".getBytes(StandardCharsets.UTF_8)
                                s.outputStream.write(("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: ${page.length}"
                                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII))
                                s.outputStream.write(page)
                                s.outputStream.flush()
                                s.shutdownOutput()
                                try {
                                    s.inputStream.read(new byte[65536])
                                } catch (IOException ignored) {
                                }
                            }
                        }
                    } catch (IOException ignored) {
                    }
                }
            }
        }

        int getPort() { server.localPort }

        @Override
        void close() { server.close() }
    }
}
