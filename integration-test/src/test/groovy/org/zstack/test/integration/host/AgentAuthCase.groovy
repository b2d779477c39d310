package org.zstack.test.integration.host

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.core.db.DatabaseFacade
import org.zstack.core.encrypt.EncryptionFacade
import org.zstack.core.rest.AgentRequestSigner
import org.zstack.kvm.KVMHostVO
import org.zstack.sdk.*
import org.zstack.testlib.AgentProcess
import org.zstack.testlib.HttpResult

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.time.Duration

/**
 * The agents obey only their management node, and the node only its agents: every call in both directions is
 * signed with the host's secret, which the node makes at AddKVMHost, installs with the deployment (the playbook's
 * secret step, run here by ansible for real with the local connection) and rotates at ReconnectHost. A real node
 * and real agent processes; the attacker is this test, on the same network, without the secret.
 */
class AgentAuthCase {
    static final String IP = "127.0.0.12"
    static final String WRONG_SECRET = "f" * 64
    static HostEnv env
    static AgentProcess agent
    static HostInventory host
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build()

    @BeforeAll
    static void boot() {
        env = new HostEnv([:], /* captureLog */ true)
        agent = env.agent(IP)
        host = env.addHost(IP)
    }

    @AfterAll
    static void shutdown() {
        env?.stop()
    }

    // ------------------------------------------------------------------ helpers

    static HttpResult call(String base, String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
        def b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
        headers.each { k, v -> b.header(k, v) }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString())
        return new HttpResult(status: r.statusCode(), headers: r.headers().map(), text: r.body())
    }

    static String agentBase(String ip = IP) {
        "http://${ip}:${env.agentPort}"
    }

    /** A call to the agent signed with secret (null: unsigned); the body's digest, or UNSIGNED-PAYLOAD for streams. */
    static HttpResult toAgent(String method, String pathAndQuery, Object body, String secret, boolean stream = false,
                              String ip = IP) {
        byte[] bytes = body instanceof byte[] ? body as byte[] : JsonOutput.toJson(body).getBytes(StandardCharsets.UTF_8)
        Map<String, String> h = ["Content-Type": stream ? "application/octet-stream" : "application/json"]
        if (secret != null) {
            h += AgentRequestSigner.headers(secret, null, method, pathAndQuery,
                    stream ? AgentRequestSigner.UNSIGNED_PAYLOAD : AgentRequestSigner.sha256Hex(bytes))
        }
        return call(agentBase(ip), method, pathAndQuery, bytes, h)
    }

    static void assertRefused(HttpResult r, String why = null) {
        assert r.status == 401: r.toString()
        def error = r.json.error
        assert error.code == "ID.1010": r.toString()
        assert error.description && error.details: r.toString()
        if (why != null) {
            assert error.details.contains(why): r.toString()
        }
    }

    static String agentLog() {
        Path out = agent.stateDir.resolve("stdout.log")
        Files.readString(agent.logFile) + (Files.exists(out) ? Files.readString(out) : "")
    }

    static List progressOf(String apiId) {
        HttpResult r = env.node.http("GET", "/v1/task-progresses/${apiId}", null, ["Authorization": "OAuth ${env.session}".toString()])
        assert r.status == 200: r.toString()
        return r.json.inventories as List
    }

    // ------------------------------------------------------------------ agent commands

    @Test
    void unsignedAndWronglySignedCommandsAreRefusedAndChangeNothing() {
        Path storage = Files.createTempDirectory("agentauth-storage")
        Path victim = Files.createDirectories(storage.resolve("x"))
        Path victimFile = Files.writeString(victim.resolve("precious.qcow2"), "data")
        String upload = "/v2v/volume/upload?path=" + URLEncoder.encode(victim.resolve("evil.qcow2").toString(), "UTF-8") + "&size=3"
        List<List> attacks = [
                ["POST", "/v2v/job/cleanup", [jobUuid: "x", storagePath: storage.toString()], false],
                ["POST", "/v2v/conversionhost/clean", [storagePath: storage.toString()], false],
                ["PUT", upload, "abc".bytes, true],
                ["POST", "/v2v/volume/delete", [paths: [victimFile.toString()]], false],
                ["POST", "/host/facts", [:], false],
                ["POST", "/host/ping", [hostUuid: host.uuid], false],
        ]
        for (List a in attacks) {
            String method = a[0], path = a[1]
            assertRefused(toAgent(method, path, a[2], null, a[3] as boolean), "not signed")
            assertRefused(toAgent(method, path, a[2], WRONG_SECRET, a[3] as boolean), "signature is wrong")
            // an unknown host uuid or facts are never in a refusal
            String refusal = toAgent(method, path, a[2], null, a[3] as boolean).text
            assert !refusal.contains(host.uuid) && !refusal.contains("cpuNum"): refusal
            assert agentLog().contains("refused ${method} ${path.split('\\?')[0]}"): "one WARN line per refusal in the agent's log"
        }
        assert Files.isDirectory(victim): "cleanup and clean did nothing"
        assert Files.readString(victimFile) == "data": "volume/delete did nothing"
        assert !Files.exists(victim.resolve("evil.qcow2")) && !Files.exists(victim.resolve("evil.qcow2.part")): "upload wrote nothing"

        // the same commands, signed by the holder of the secret, are obeyed: the refusals were the signature's
        HttpResult facts = toAgent("POST", "/host/facts", [:], agent.secret())
        assert facts.status == 200 && facts.json.success: facts.toString()
        HttpResult cleanup = toAgent("POST", "/v2v/job/cleanup", [jobUuid: "x", storagePath: storage.toString()], agent.secret())
        assert cleanup.status == 200: cleanup.toString()
        storage.toFile().deleteDir()
    }

    @Test
    void aReplayedAStaleOrATamperedSignedRequestIsRefused() {
        String secret = agent.secret()
        byte[] body = "{}".bytes
        Map<String, String> h = AgentRequestSigner.headers(secret, "POST", "/host/facts", body)
        assert call(agentBase(), "POST", "/host/facts", body, h).status == 200
        assertRefused(call(agentBase(), "POST", "/host/facts", body, h), "replayed")

        long stale = System.currentTimeMillis().intdiv(1000) - 360
        String nonce = AgentRequestSigner.newNonce()
        String digest = AgentRequestSigner.sha256Hex(body)
        Map<String, String> old = [(AgentRequestSigner.TIMESTAMP)     : String.valueOf(stale),
                                   (AgentRequestSigner.NONCE)         : nonce,
                                   (AgentRequestSigner.CONTENT_SHA256): digest,
                                   (AgentRequestSigner.SIGNATURE)     : AgentRequestSigner.sign(secret, "POST", "/host/facts", stale, nonce, digest)]
        assertRefused(call(agentBase(), "POST", "/host/facts", body, old), "away from this host's clock")

        Map<String, String> fresh = AgentRequestSigner.headers(secret, "POST", "/host/facts", body)
        assertRefused(call(agentBase(), "POST", "/host/facts", '{"x":1}'.bytes, fresh), "body does not match")
        assertRefused(call(agentBase(), "POST", "/host/ping", body, fresh), "signature is wrong")
    }

    @Test
    void anAgentStartedBeforeItsDeploymentRefusesEverything() {
        String ip = "127.0.0.13"
        AgentProcess early = env.agent(ip)
        assert early.secret() == null
        assertRefused(toAgent("POST", "/host/facts", [:], WRONG_SECRET, false, ip), "no secret")
        assertRefused(toAgent("POST", "/host/facts", [:], null, false, ip), "no secret")
        HostInventory h = env.addHost(ip)
        assert h.status == "Connected"
        assert toAgent("POST", "/host/facts", [:], early.secret(), false, ip).status == 200
        new DeleteHostAction(uuid: h.uuid, sessionId: env.session).call().throwExceptionIfError()
    }

    @Test
    void theAgentListensOnlyOnTheAddressItWasDeployedFor() {
        assert agent.listening()
        Socket s = new Socket()
        try {
            s.connect(new InetSocketAddress("127.0.0.14", env.agentPort), 500)
            assert false: "the agent of ${IP} also answers on 127.0.0.14: it listens on every address"
        } catch (ConnectException expected) {
            // refused: nothing listens there
        } finally {
            s.close()
        }
    }

    // ------------------------------------------------------------------ agent -> node

    @Test
    void aForgedProgressReportOrCallbackIsRefusedAndNotShown() {
        String apiId = org.zstack.core.Platform.getUuid()
        String sendCommand = "/zstack/asyncrest/sendcommand"
        byte[] report = JsonOutput.toJson([apiId: apiId, progress: 99, taskName: "forged"]).getBytes(StandardCharsets.UTF_8)
        String nodeBase = "http://127.0.0.1:${env.node.port}"
        Map<String, String> base = ["commandpath": "/progress/report", "Content-Type": "application/json"]

        assertRefused(call(nodeBase, "POST", sendCommand, report, base), "names no host")
        assertRefused(call(nodeBase, "POST", sendCommand, report, base + [(AgentRequestSigner.HOST_UUID): host.uuid]), "not signed")
        assertRefused(call(nodeBase, "POST", sendCommand, report, base + [(AgentRequestSigner.HOST_UUID): host.uuid]
                + AgentRequestSigner.headers(WRONG_SECRET, "POST", sendCommand, report)), "signature is wrong")
        assert progressOf(apiId).isEmpty(): "a forged 99 % must not show in GetTaskProgress"

        // a callback for a task that is not the caller's, or not signed, is refused the same way
        assertRefused(call(nodeBase, "POST", "/zstack/asyncrest/callback", '{"success":true}'.bytes,
                ["taskuuid": org.zstack.core.Platform.getUuid(), (AgentRequestSigner.HOST_UUID): host.uuid]), "not signed")
        assert !env.log.containing("refused POST /zstack/asyncrest/sendcommand").isEmpty(): "a WARN line on the node"

        // the agent's own report, signed with the host's secret, is taken
        Map<String, String> signed = base + [(AgentRequestSigner.HOST_UUID): host.uuid] +
                AgentRequestSigner.headers(agent.secret(), "POST", sendCommand, report)
        assert call(nodeBase, "POST", sendCommand, report, signed).status == 200
        assert progressOf(apiId)*.content == ["99"]
        assertRefused(call(nodeBase, "POST", sendCommand, report, signed), "replayed")
    }

    // ------------------------------------------------------------------ the secret's life

    @Test
    void reconnectHostRotatesTheSecretAndTheSecretIsNowhereToBeSeen() {
        Path file = AgentProcess.secretFile(IP)
        assert PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == "rw-------"
        String before = agent.secret()
        assert before ==~ /[0-9a-f]{64}/

        def again = new ReconnectHostAction(uuid: host.uuid, sessionId: env.session).call().throwExceptionIfError().value.inventory
        assert again.status == "Connected"
        String after = agent.secret()
        assert after != before: "ReconnectHost installs a new secret"
        assert PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) == "rw-------"
        assertRefused(toAgent("POST", "/host/facts", [:], before), "signature is wrong")
        assert toAgent("POST", "/host/facts", [:], after).status == 200

        // stored encrypted: the column is not the secret, the node's key opens it
        KVMHostVO vo = env.node.bean(DatabaseFacade).findByUuid(host.uuid, KVMHostVO)
        assert vo.agentSecret != null && !vo.agentSecret.contains(after)
        assert env.node.bean(EncryptionFacade).decrypt(vo.agentSecret) == after

        // never in an answer, a log of the agent or of the node
        String auth = "OAuth ${env.session}".toString()
        for (String q in ["/v1/hosts", "/v1/hosts/${host.uuid}"]) {
            HttpResult r = env.node.http("GET", q, null, ["Authorization": auth])
            assert !r.text.contains(after) && !r.text.contains(before) && !r.text.contains("agentSecret"): "${q}: ${r.text}"
        }
        // nor a field to query by: it would be an oracle, one character at a time
        def byField = new QueryHostAction(conditions: ["agentSecret~=${after.substring(0, 1)}%".toString()],
                sessionId: env.session).call()
        assert byField.error?.code == "SYS.1007": "agentSecret must not be queryable"
        String agentText = agentLog()
        assert !agentText.contains(after) && !agentText.contains(before)
        assert env.log.containing(after).isEmpty() && env.log.containing(before).isEmpty()
    }
}
