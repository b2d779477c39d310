package org.zstack.test.integration.host

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.zstack.sdk.*
import org.zstack.core.rest.AgentRequestSigner
import org.zstack.testlib.AgentProcess

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path

/**
 * A real node and a real agent process: the agent touches files only inside the roots the node registered for its
 * host (the conversion host's storage path, the primary storage attached to the host's cluster). Everything the
 * issue's attacker sent straight to the agent (/etc, '..', a symlink out of a root, an absolute jobUuid, an upload to
 * /tmp) is refused, naming the path, with nothing deleted or written; the node's own operations inside the roots work,
 * and the roots follow the conversion host and the primary storage as they come and go.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class AgentPathConfinementCase {
    static final String JOB = "0123456789abcdef0123456789abcdef"
    static HostEnv env
    static AgentProcess agent
    static HostInventory host
    static Path base
    static Path cache
    static Path ps
    static Path victim
    static V2VConversionHostInventory ch
    static PrimaryStorageInventory local
    static final HttpClient http = HttpClient.newHttpClient()

    @BeforeAll
    static void boot() {
        env = new HostEnv()
        agent = env.agent("127.0.0.2")
        host = env.addHost("127.0.0.2")
        base = Files.createTempDirectory("paths-case").toRealPath()
        cache = base.resolve("cache")
        ps = Files.createDirectories(base.resolve("ps"))
        // what must survive every attack: a directory beside the roots (a prefix sibling of one, too) with a file
        victim = Files.createDirectories(base.resolve("cache2/x"))
        Files.writeString(victim.resolve("keep.qcow2"), "precious")
        local = new AddLocalPrimaryStorageAction(name: "local", url: ps.toString(), zoneUuid: env.zone.uuid, sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        new AttachPrimaryStorageToClusterAction(clusterUuid: env.cluster.uuid, primaryStorageUuid: local.uuid, sessionId: env.session)
                .call().throwExceptionIfError()
        ch = new AddV2VConversionHostAction(name: "ch", type: "VMWARE", hostUuid: host.uuid, storagePath: cache.toString(),
                sessionId: env.session).call().throwExceptionIfError().value.inventory
    }

    @AfterAll
    static void shutdown() {
        env?.stop()
        base?.toFile()?.deleteDir()
    }

    /**
     * Every direct call of this case, as the management node makes it: one place to add what the node adds to a
     * request (a signature), so the case keeps calling the agent as the node would.
     */
    static Map agentCall(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://${agent.ip}:${env.agentPort}${path}"))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
        // signed as the node signs (with the secret its deployment installed, read anew: ReconnectHost rotates it), so
        // that what the agent refuses here is the path, not the caller; a streamed upload is signed without its body
        String digest = path.startsWith("/v2v/volume/upload") ? AgentRequestSigner.UNSIGNED_PAYLOAD
                : AgentRequestSigner.sha256Hex(body.getBytes("UTF-8"))
        AgentRequestSigner.headers(AgentProcess.secretOf(agent.ip), null, method, path, digest).each { k, v -> b.header(k, v) }
        HttpResponse<String> rsp = http.send(b.build(), HttpResponse.BodyHandlers.ofString())
        return new JsonSlurper().parseText(rsp.body()) as Map
    }

    static Map agentPost(String path, Map body) {
        return agentCall("POST", path, JsonOutput.toJson(body))
    }

    static Map upload(String installPath, String content) {
        String q = "path=" + URLEncoder.encode(installPath, "UTF-8") + "&size=" + content.bytes.length
        return agentCall("PUT", "/v2v/volume/upload?" + q, content)
    }

    private static void assertRefused(Map rsp, String path, String code = "V2V.1020") {
        assert rsp.success == false: rsp
        assert rsp.errorCode == code: rsp
        assert (rsp.error as String).contains(path): rsp
    }

    private static void assertVictimIntact() {
        assert Files.readString(victim.resolve("keep.qcow2")) == "precious"
    }

    private static List<String> registeredRoots() {
        return new JsonSlurper().parse(agent.stateDir.resolve("allowed-roots.json").toFile()) as List<String>
    }

    @Test
    void theNodeRegistersTheConversionHostsStorageAndThePrimaryStorage() {
        assert registeredRoots().toSet() == [cache.toString(), ps.toString()].toSet()
    }

    @Test
    void cleanupOfAJobOutsideTheRootsIsRefusedAndDeletesNothing() {
        // the issue's attack: storagePath anywhere, the job key names what is removed
        assertRefused(agentPost("/v2v/job/cleanup", [jobUuid: "x", storagePath: victim.parent.toString()]), victim.parent.toString())
        assertRefused(agentPost("/v2v/job/cleanup", [jobUuid: "x", storagePath: "/etc"]), "/etc")
        // '..' out of a registered root
        String dotdot = cache.toString() + "/../cache2"
        Files.createDirectories(cache)
        assertRefused(agentPost("/v2v/job/cleanup", [jobUuid: "x", storagePath: dotdot]), dotdot)
        // an absolute job key
        def abs = agentPost("/v2v/job/cleanup", [jobUuid: victim.toString(), storagePath: cache.toString()])
        assertRefused(abs, victim.toString(), "V2V.1021")
        def up = agentPost("/v2v/job/cleanup", [jobUuid: "../cache2/x", storagePath: cache.toString()])
        assertRefused(up, "../cache2/x", "V2V.1021")
        assertVictimIntact()
    }

    @Test
    void aSymlinkOutOfARootIsFollowedAndRefused() {
        Files.createDirectories(cache)
        Path link = cache.resolve("job-link")
        Files.deleteIfExists(link)
        Files.createSymbolicLink(link, victim)
        // the job directory is the link
        assertRefused(agentPost("/v2v/job/cleanup", [jobUuid: "job-link", storagePath: cache.toString()]), victim.toString())
        // the storage path goes through the link
        assertRefused(agentPost("/v2v/conversionhost/clean", [storagePath: link.toString()]), link.toString())
        // a new volume file whose directory is a link out of the primary storage
        Path volLink = ps.resolve("vol-link")
        Files.deleteIfExists(volLink)
        Files.createSymbolicLink(volLink, victim)
        assertRefused(upload(volLink.resolve("new.qcow2").toString(), "data"), victim.resolve("new.qcow2").toString())
        assert !Files.exists(victim.resolve("new.qcow2"))
        assertRefused(agentPost("/v2v/volume/delete", [paths: [volLink.resolve("keep.qcow2").toString()]]), victim.resolve("keep.qcow2").toString())
        assertVictimIntact()
        assert Files.isSymbolicLink(link): "not even the link is removed"
    }

    @Test
    void cacheCleanVolumeCommandsAndVmStartAreConfined() {
        assertRefused(agentPost("/v2v/conversionhost/clean", [storagePath: victim.parent.toString(), keep: []]), victim.parent.toString())
        assertRefused(agentPost("/v2v/conversionhost/clean", [storagePath: "/etc", keep: []]), "/etc")
        String tmpVolume = "/tmp/paths-case-" + UUID.randomUUID() + ".qcow2"
        assertRefused(upload(tmpVolume, "data"), tmpVolume)
        assert !Files.exists(Path.of(tmpVolume)) && !Files.exists(Path.of(tmpVolume + ".part"))
        assertRefused(agentPost("/v2v/volume/delete", [paths: [victim.resolve("keep.qcow2").toString()]]), victim.resolve("keep.qcow2").toString())
        // a prefix sibling of the cache root (cache2 beside cache) is not inside it
        assertRefused(agentPost("/v2v/job/transfer", [jobUuid: JOB, apiId: "a", storagePath: victim.parent.toString(),
                disks: [[index: 0, url: "https://127.0.0.1:1/disk", capacity: 1024]]]), victim.parent.toString())
        assertRefused(agentPost("/v2v/job/convert", [jobUuid: JOB, apiId: "a", storagePath: cache.toString(),
                disks: [victim.resolve("keep.qcow2").toString()]]), victim.resolve("keep.qcow2").toString())
        assertRefused(agentPost("/vm/start", [vmUuid: JOB, cpuNum: 1, memorySize: 134217728,
                volumes: [[uuid: "v0", installPath: "/etc/hostname", deviceId: 0]]]), "/etc/hostname")
        assertVictimIntact()
    }

    @Test
    void theNodesOwnOperationsInsideTheRootsWork() {
        Path job = Files.createDirectories(cache.resolve(JOB))
        Files.writeString(job.resolve("disk-0.raw"), "raw")
        def cleanup = agentPost("/v2v/job/cleanup", [jobUuid: JOB, storagePath: cache.toString()])
        assert cleanup.success: cleanup
        assert !Files.exists(job)

        Path vol = ps.resolve("rootVolumes/vol-1/1.qcow2")
        def up = upload(vol.toString(), "qcow2 bytes")
        assert up.success: up
        assert Files.readString(vol) == "qcow2 bytes"
        def del = agentPost("/v2v/volume/delete", [paths: [vol.toString()]])
        assert del.success && del.deleted == [vol.toString()]: del
        assert !Files.exists(vol)

        Files.createDirectories(cache.resolve("leftover"))
        def clean = new CleanV2VConversionCacheAction(uuid: ch.uuid, sessionId: env.session).call()
        assert clean.error == null: clean.error
        assert !Files.exists(cache.resolve("leftover"))
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void rootsFollowTheConversionHostAndThePrimaryStorageAndSurviveAnAgentRestart() {
        // a restarted agent keeps serving the roots it was given, until the node connects it again
        agent.kill()
        agent.start()
        assert agentPost("/host/ping", [:]).hostUuid == null: "not connected yet"
        Path kept = ps.resolve("rootVolumes/vol-2/2.qcow2")
        assert upload(kept.toString(), "x").success
        env.updateGlobalConfig("kvm", "ping.interval", "1")
        try {
            HostEnv.waitUntil(60000) { agentPost("/host/ping", [:]).hostUuid == host.uuid && env.host(host.uuid).status == "Connected" }
        } finally {
            env.updateGlobalConfig("kvm", "ping.interval", "60")
        }
        assert registeredRoots().toSet() == [cache.toString(), ps.toString()].toSet()

        // a second storage path: the old one is no longer the agent's
        Path cache3 = base.resolve("cache3")
        new UpdateV2VConversionHostAction(uuid: ch.uuid, storagePath: cache3.toString(), sessionId: env.session).call().throwExceptionIfError()
        assert registeredRoots().toSet() == [cache3.toString(), ps.toString()].toSet()
        assertRefused(agentPost("/v2v/conversionhost/clean", [storagePath: cache.toString(), keep: []]), cache.toString())

        new DetachPrimaryStorageFromClusterAction(clusterUuid: env.cluster.uuid, primaryStorageUuid: local.uuid, sessionId: env.session)
                .call().throwExceptionIfError()
        assert registeredRoots() == [cache3.toString()]
        assertRefused(upload(ps.resolve("rootVolumes/vol-3/3.qcow2").toString(), "x"), ps.toString())
        new AttachPrimaryStorageToClusterAction(clusterUuid: env.cluster.uuid, primaryStorageUuid: local.uuid, sessionId: env.session)
                .call().throwExceptionIfError()
        assert registeredRoots().toSet() == [cache3.toString(), ps.toString()].toSet()

        new DeleteV2VConversionHostAction(uuid: ch.uuid, sessionId: env.session).call().throwExceptionIfError()
        assert registeredRoots() == [ps.toString()]
        assertRefused(agentPost("/v2v/conversionhost/clean", [storagePath: cache3.toString(), keep: []]), cache3.toString())

        // a reconnect sends the same roots in the connect command
        new ReconnectHostAction(uuid: host.uuid, sessionId: env.session).call().throwExceptionIfError()
        assert registeredRoots() == [ps.toString()]
        ch = new AddV2VConversionHostAction(name: "ch", type: "VMWARE", hostUuid: host.uuid, storagePath: cache.toString(),
                sessionId: env.session).call().throwExceptionIfError().value.inventory
        assert registeredRoots().toSet() == [cache.toString(), ps.toString()].toSet()
    }
}
