package org.zstack.test.integration.host

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.*
import org.zstack.core.rest.AgentRequestSigner
import org.zstack.testlib.AgentProcess

import java.nio.file.Files
import java.nio.file.Path

/**
 * Two KVM hosts whose agents are real processes (127.0.0.2, 127.0.0.3), a conversion host on one of them whose
 * capacity the agent measures, and what happens when an agent dies and comes back.
 */
class HostConversionHostCase {
    static HostEnv env
    static AgentProcess agent1
    static HostInventory host1
    static HostInventory host2

    @BeforeAll
    static void boot() {
        env = new HostEnv()
        agent1 = env.agent("127.0.0.2")
        env.agent("127.0.0.3")
        host1 = env.addHost("127.0.0.2")
        host2 = env.addHost("127.0.0.3")
    }

    @AfterAll
    static void shutdown() {
        env?.stop()
    }

    private static Path tempDir() {
        Files.createTempDirectory("v2v-cache")
    }

    @Test
    void hostsConnectWithTheirFacts() {
        assert host1.status == "Connected"
        assert host1 instanceof KVMHostInventory
        assert ((KVMHostInventory) host1).libvirtVersion != null
        assert host1.cpuNum > 0
        assert host1.totalMemoryCapacity > 0
        def hosts = new QueryHostAction(conditions: ["clusterUuid=${env.cluster.uuid}".toString()], sessionId: env.session)
                .call().throwExceptionIfError().value.inventories
        assert hosts.size() == 2
    }

    @Test
    void conversionHostShowsTheRealCapacityOfItsStoragePath() {
        Path dir = tempDir().resolve("cache")
        def a = new AddV2VConversionHostAction(name: "ch", type: "VMWARE", hostUuid: host2.uuid, storagePath: dir.toString() + "/",
                systemTags: ["v2v::upload::bandwidth::${100L * 1024 * 1024}".toString(), "conversion::network::cidr::{10.0.0.0/24}"],
                sessionId: env.session)
        V2VConversionHostInventory ch = a.call().throwExceptionIfError().value.inventory
        assert Files.isDirectory(dir): "the agent creates the storage path"
        def store = Files.getFileStore(dir)
        assert ch.storagePath == dir.toString()
        assert ch.totalSize == store.totalSpace
        assert Math.abs(ch.availableSize - store.usableSpace) < 512L * 1024 * 1024
        assert ch.hostStatus == "Connected"
        assert ch.hostState == "Enabled"
        assert ch.state == "Enabled"
        assert ch.uploadBandwidth == 100L * 1024 * 1024
        assert ch.conversionNetworkCidr == "10.0.0.0/24"

        def q = new QueryV2VConversionHostAction(conditions: ["hostUuid=${host2.uuid}".toString()], sessionId: env.session)
                .call().throwExceptionIfError().value.inventories
        assert q.size() == 1 && q[0] instanceof V2VConversionHostInventory

        def dup = new AddV2VConversionHostAction(name: "ch2", type: "VMWARE", hostUuid: host2.uuid, storagePath: dir.toString(),
                sessionId: env.session).call()
        assert dup.error.code == "V2V.1003"

        def disabled = new ChangeV2VConversionHostStateAction(uuid: ch.uuid, stateEvent: "disable", sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        assert disabled.state == "Disabled"
        def updated = new UpdateV2VConversionHostAction(uuid: ch.uuid, name: "renamed", sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        assert updated.name == "renamed"

        new DeleteV2VConversionHostAction(uuid: ch.uuid, sessionId: env.session).call().throwExceptionIfError()
        assert new QueryV2VConversionHostAction(conditions: ["uuid=${ch.uuid}".toString()], sessionId: env.session)
                .call().value.inventories.isEmpty()
        assert new QuerySystemTagAction(conditions: ["resourceUuid=${ch.uuid}".toString()], sessionId: env.session)
                .call().value.inventories.isEmpty()
    }

    @Test
    void cleaningTheCacheEmptiesTheStoragePathAndMeasuresItAgain() {
        Path dir = tempDir()
        def ch = new AddV2VConversionHostAction(name: "ch-clean", type: "KVM", hostUuid: host2.uuid, storagePath: dir.toString(),
                sessionId: env.session).call().throwExceptionIfError().value.inventory
        Path job = Files.createDirectories(dir.resolve("job-1"))
        Files.write(job.resolve("disk0.qcow2"), new byte[8 * 1024 * 1024])
        new CleanV2VConversionCacheAction(uuid: ch.uuid, sessionId: env.session).call().throwExceptionIfError()
        def cleaned = new QueryV2VConversionHostAction(conditions: ["uuid=${ch.uuid}".toString()], sessionId: env.session)
                .call().throwExceptionIfError().value.inventories[0] as V2VConversionHostInventory
        assert !Files.exists(job)
        assert Files.isDirectory(dir): "the storage path itself stays"
        assert cleaned.availableSize > 0
        new DeleteV2VConversionHostAction(uuid: ch.uuid, sessionId: env.session).call().throwExceptionIfError()
    }

    @Test
    void badConversionHostInputChangesNothing() {
        String dir = tempDir().toString()
        Map<String, Map> cases = [
                "SYS.1007 relative path"   : [hostUuid: host1.uuid, storagePath: "relative/path"],
                "SYS.1007 unknown host"    : [hostUuid: "0" * 32, storagePath: dir],
                "SYS.1007 bandwidth low"   : [hostUuid: host1.uuid, storagePath: dir, systemTags: ["v2v::download::bandwidth::1000"]],
                "SYS.1007 bandwidth high"  : [hostUuid: host1.uuid, storagePath: dir, systemTags: ["v2v::download::bandwidth::${Long.MAX_VALUE}".toString()]],
                "SYS.1007 bad cidr"        : [hostUuid: host1.uuid, storagePath: dir, systemTags: ["conversion::network::cidr::10.0.0.300/24"]],
                "SYS.1007 bad prefix"      : [hostUuid: host1.uuid, storagePath: dir, systemTags: ["conversion::network::cidr::10.0.0.0/33"]],
                "V2V.1001 not writable"    : [hostUuid: host1.uuid, storagePath: "/proc/version/cache"],
        ]
        cases.each { String label, Map params ->
            def a = new AddV2VConversionHostAction(name: "bad", type: "KVM", sessionId: env.session)
            params.each { k, v -> a."$k" = v }
            def r = a.call()
            assert r.error != null: label
            assert r.error.code == label.split(" ")[0]: "${label}: ${r.error.code} ${r.error.details}"
            assert !r.error.details.contains("Exception"): label
        }
        assert new QueryV2VConversionHostAction(conditions: ["hostUuid=${host1.uuid}".toString()], sessionId: env.session)
                .call().value.inventories.isEmpty()
    }

    @Test
    void aDeadAgentDisconnectsItsHostAndItsConversionHostUntilItComesBack() {
        def ch = new AddV2VConversionHostAction(name: "ch-ping", type: "KVM", hostUuid: host1.uuid, storagePath: tempDir().toString(),
                sessionId: env.session).call().throwExceptionIfError().value.inventory
        env.updateGlobalConfig("kvm", "ping.interval", "1")
        env.updateGlobalConfig("kvm", "ping.timeout", "2")
        try {
            agent1.kill()
            HostEnv.waitUntil { env.host(host1.uuid).status == "Disconnected" }
            def chNow = new QueryV2VConversionHostAction(conditions: ["uuid=${ch.uuid}".toString()], sessionId: env.session)
                    .call().value.inventories[0] as V2VConversionHostInventory
            assert chNow.hostStatus == "Disconnected"
            assert env.host(host2.uuid).status == "Connected": "the other host is not affected"

            def refused = new AddV2VConversionHostAction(name: "x", type: "VMWARE", hostUuid: host1.uuid,
                    storagePath: "/tmp/x", sessionId: env.session).call()
            assert refused.error.code == "V2V.1000"

            agent1.start()
            HostEnv.waitUntil { env.host(host1.uuid).status == "Connected" }
            chNow = new QueryV2VConversionHostAction(conditions: ["uuid=${ch.uuid}".toString()], sessionId: env.session)
                    .call().value.inventories[0] as V2VConversionHostInventory
            assert chNow.hostStatus == "Connected"
        } finally {
            env.updateGlobalConfig("kvm", "ping.interval", "60")
        }
    }

    @Test
    void deletingAHostDeletesItsConversionHost() {
        def a = env.agent("127.0.0.6")
        def h = env.addHost("127.0.0.6")
        def ch = new AddV2VConversionHostAction(name: "goes", type: "KVM", hostUuid: h.uuid, storagePath: tempDir().toString(),
                sessionId: env.session).call().throwExceptionIfError().value.inventory
        new DeleteHostAction(uuid: h.uuid, sessionId: env.session).call().throwExceptionIfError()
        assert env.host(h.uuid) == null
        assert new QueryV2VConversionHostAction(conditions: ["uuid=${ch.uuid}".toString()], sessionId: env.session)
                .call().value.inventories.isEmpty()
        a.kill()
    }

    /**
     * An "agent" that accepts every command and then never calls back, or calls back with garbage, signed with the
     * secret the node's deployment installed for it (so it is the garbage that is refused, not the signature).
     */
    private static com.sun.net.httpserver.HttpServer fakeAgent(String ip, boolean garbage) {
        def server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(ip, env.agentPort), 0)
        server.createContext("/") { ex ->
            String callback = ex.requestHeaders.getFirst("callbackurl")
            String task = ex.requestHeaders.getFirst("taskuuid")
            ex.sendResponseHeaders(200, 2)
            ex.responseBody.withCloseable { it.write("{}".bytes) }
            if (garbage && callback != null) {
                Thread.start {
                    def c = (HttpURLConnection) new URL(callback).openConnection()
                    c.requestMethod = "POST"
                    c.doOutput = true
                    c.setRequestProperty("taskuuid", task)
                    byte[] body = "<html>not json</html>".bytes
                    String secret = AgentProcess.secretOf(ip)
                    if (secret != null) {
                        AgentRequestSigner.headers(secret, "POST", new URL(callback).path, body).each { k, v -> c.setRequestProperty(k, v) }
                    }
                    c.outputStream.withCloseable { it.write(body) }
                    c.responseCode
                }
            }
        }
        server.start()
        return server
    }

    @Test
    void anAgentThatNeverCallsBackTimesOutAndAGarbageAnswerIsRefused() {
        env.updateGlobalConfig("kvm", "agent.command.timeout", "3")
        def silent = fakeAgent("127.0.0.7", false)
        def liar = fakeAgent("127.0.0.8", true)
        try {
            def r = new AddKVMHostAction(name: "silent", managementIp: "127.0.0.7", clusterUuid: env.cluster.uuid,
                    username: "root", password: "p", sessionId: env.session).call()
            assert r.error.code == "SYS.1001"
            def g = new AddKVMHostAction(name: "liar", managementIp: "127.0.0.8", clusterUuid: env.cluster.uuid,
                    username: "root", password: "p", sessionId: env.session).call()
            assert g.error.code == "SYS.1006"
            assert g.error.details.contains("not a JSON object")
            assert new QueryHostAction(conditions: ["managementIp?=127.0.0.7,127.0.0.8"], sessionId: env.session)
                    .call().value.inventories.isEmpty()
        } finally {
            silent.stop(0)
            liar.stop(0)
            env.updateGlobalConfig("kvm", "agent.command.timeout", "300")
        }
    }

    @Test
    void badHostInputChangesNothing() {
        long before = new QueryHostAction(count: true, sessionId: env.session).call().value.total
        def noAgent = new AddKVMHostAction(name: "nobody", managementIp: "127.0.0.9", clusterUuid: env.cluster.uuid,
                username: "root", password: "p", sessionId: env.session).call()
        assert noAgent.error != null
        def dupIp = new AddKVMHostAction(name: "dup", managementIp: "127.0.0.2", clusterUuid: env.cluster.uuid,
                username: "root", password: "p", sessionId: env.session).call()
        assert dupIp.error.code == "SYS.1007"
        def noCluster = new AddKVMHostAction(name: "x", managementIp: "127.0.0.8", clusterUuid: "1" * 32,
                username: "root", password: "p", sessionId: env.session).call()
        assert noCluster.error.code == "SYS.1007"
        assert new QueryHostAction(count: true, sessionId: env.session).call().value.total == before
    }

    /** A job's log through GetV2VJobLog: read by the conversion host's agent where the job left it. */
    @Test
    void aJobsLogIsReadFromItsConversionHost() {
        Path dir = tempDir()
        def ch = new AddV2VConversionHostAction(name: "ch-log", type: "VMWARE", hostUuid: host2.uuid, storagePath: dir.toString(),
                sessionId: env.session).call().throwExceptionIfError().value.inventory
        String jobUuid = org.zstack.core.Platform.getUuid()
        def job = new org.zstack.v2v.V2VJobVO()
        job.uuid = jobUuid
        job.conversionHostUuid = ch.uuid
        job.sourceVmName = "web-01"
        job.sourceUrl = "vmware://web-01"
        job.targetVmUuid = org.zstack.core.Platform.getUuid()
        job.targetVmName = "web-01-migrated"
        job.phase = "failed"
        env.node.bean(org.zstack.core.db.DatabaseFacade).persist(job)
        try {
            Path kept = Files.createDirectories(dir.resolve("logs").resolve(jobUuid)).resolve("virt-v2v.log")
            Files.writeString(kept, (1..500).collect { "[ ${it}.0] step ${it}" }.join("\n") + "\n")

            def whole = new GetV2VJobLogAction(uuid: jobUuid, sessionId: env.session).call().throwExceptionIfError().value
            assert whole.path == kept.toString() && whole.conversionHostUuid == ch.uuid
            assert whole.size == Files.size(kept) && !whole.truncated
            assert whole.content == Files.readString(kept)

            def tail = new GetV2VJobLogAction(uuid: jobUuid, tailBytes: 100L, sessionId: env.session).call().throwExceptionIfError().value
            assert tail.truncated && tail.content.endsWith("[ 500.0] step 500\n") && tail.content.startsWith("[ ")

            def missing = new GetV2VJobLogAction(uuid: jobUuid, name: "guest-network.log", sessionId: env.session).call()
            assert missing.error.code == "V2V.1022" && missing.error.details.contains("guest-network.log")
            assert missing.error.details.contains("web-01")
            // a name other than the job's logs is refused by the SDK already, and by the node's and the agent's checks
            def unknown = new GetV2VJobLogAction(uuid: org.zstack.core.Platform.getUuid(), sessionId: env.session).call()
            assert unknown.error != null
        } finally {
            env.node.bean(org.zstack.core.db.DatabaseFacade).removeByPrimaryKey(jobUuid, org.zstack.v2v.V2VJobVO)
            new DeleteV2VConversionHostAction(uuid: ch.uuid, sessionId: env.session).call().throwExceptionIfError()
        }
    }
}
