package org.zstack.agent.runtime;

import org.zstack.agent.testsupport.TestSecret;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.testsupport.AgentClient;
import org.zstack.agent.testsupport.FakeNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The transport: sync and async calls, callbacks, errors, progress, log masking. Real HTTP on loopback. */
class AgentServerTest {
    @TempDir
    static Path stateDir;

    static AgentServer agent;
    static AgentClient client;
    static FakeNode node;

    @BeforeAll
    static void start() throws Exception {
        agent = new AgentServer(new AgentConfig("127.0.0.2", 0, "test:///default", stateDir));
        TestSecret.install(agent.config());
        agent.start();
        client = new AgentClient("127.0.0.2", agent.port());
        node = new FakeNode();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.stop();
        }
        if (node != null) {
            node.close();
        }
    }

    private static Map<String, String> async(String taskUuid) {
        return Map.of("taskuuid", taskUuid, "callbackurl", node.url("/zstack/asyncrest/callback"));
    }

    @Test
    void portAndPidFilesAreWritten() throws Exception {
        assertNotEquals(0, agent.port());
        assertEquals(String.valueOf(agent.port()), Files.readString(stateDir.resolve("agent.port")).trim());
        assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readString(stateDir.resolve("agent.pid")).trim());
    }

    @Test
    void syncCallAnswersWithTheResponse() {
        JsonObject rsp = client.call("/host/echo", "{\"name\":\"vm-1\",\"disks\":[1,2],\"nested\":{\"a\":true}}");
        assertTrue(rsp.get("success").getAsBoolean());
        assertEquals("vm-1", rsp.get("name").getAsString());
        assertEquals(2, rsp.getAsJsonArray("disks").size());
        assertTrue(rsp.getAsJsonObject("nested").get("a").getAsBoolean());
    }

    @Test
    void asyncCallAnswersEmptyThenPostsTheResponseToTheCallbackUrl() throws Exception {
        AgentClient.Reply reply = client.post("/host/echo", "{\"n\":7}", async("task-echo-1"));
        assertEquals(200, reply.status());
        assertEquals("{}", reply.body());

        FakeNode.Received cb = node.next(5000);
        assertEquals("/zstack/asyncrest/callback", cb.path());
        assertEquals("task-echo-1", cb.taskUuid());
        assertTrue(cb.contentType().startsWith("application/json"));
        assertEquals(7, cb.json().get("n").getAsInt());
        assertTrue(cb.json().get("success").getAsBoolean());
    }

    @Test
    void asyncCallDoesNotWaitForTheHandler() throws Exception {
        long t0 = System.nanoTime();
        AgentClient.Reply reply = client.post("/test/slow", "{\"millis\":1500}", async("task-slow"));
        long answeredMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, reply.status());
        assertTrue(answeredMs < 1000, "async answer took " + answeredMs + " ms");

        FakeNode.Received cb = node.next(5000);
        assertEquals("task-slow", cb.taskUuid());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 1500);
        assertTrue(cb.json().get("success").getAsBoolean());
    }

    @Test
    void asyncFailureIsCalledBackAsSuccessFalse() throws Exception {
        client.post("/test/boom", "{\"message\":\"disk gone\"}", async("task-boom"));
        FakeNode.Received cb = node.next(5000);
        assertEquals("task-boom", cb.taskUuid());
        assertFalse(cb.json().get("success").getAsBoolean());
        assertEquals("IllegalStateException: disk gone", cb.json().get("error").getAsString());
    }

    @Test
    void failedCallbackIsRetried() throws Exception {
        node.failNext(2);
        client.post("/host/echo", "{}", async("task-retry"));
        for (int i = 0; i < 3; i++) {
            assertEquals("task-retry", node.next(5000).taskUuid(), "attempt " + (i + 1));
        }
        assertNull(node.poll(1500), "no fourth attempt after the node accepted the third");
    }

    @Test
    void unknownPathIs404() {
        AgentClient.Reply r = client.post("/host/nothing-here", "{}");
        assertEquals(404, r.status());
        assertFalse(r.json().get("success").getAsBoolean());
        assertEquals("no command at /host/nothing-here", r.json().get("error").getAsString());
    }

    @Test
    void malformedJsonIs400() {
        for (String bad : new String[]{"{\"a\":", "{a:1}", "[1,2]", "{} {}", "\"text\"", "{\"millis\":\"soon\"}"}) {
            String path = bad.contains("millis") ? "/test/slow" : "/host/echo";
            AgentClient.Reply r = client.post(path, bad);
            assertEquals(400, r.status(), bad + " -> " + r.body());
            assertFalse(r.json().get("success").getAsBoolean());
            assertTrue(r.json().get("error").getAsString().startsWith("malformed JSON for " + path), r.body());
        }
    }

    @Test
    void emptyBodyMeansEmptyCommand() {
        assertTrue(client.call("/host/ping", "").get("success").getAsBoolean());
    }

    @Test
    void onlyPostIsAccepted() {
        AgentClient.Reply r = client.send("GET", "/host/ping", null, Map.of());
        assertEquals(405, r.status());
        assertFalse(r.json().get("success").getAsBoolean());
    }

    @Test
    void handlerExceptionBecomesOneLineErrorAndTheTraceGoesToTheLog() throws Exception {
        JsonObject rsp = client.call("/test/boom", "{\"message\":\"first line\\nsecond line\"}");
        assertFalse(rsp.get("success").getAsBoolean());
        String error = rsp.get("error").getAsString();
        assertEquals("IllegalStateException: first line; second line", error);
        assertFalse(rsp.toString().contains("at org.zstack"), "no stack trace on the wire");

        String log = Files.readString(stateDir.resolve("agent.log"));
        assertTrue(log.contains("java.lang.IllegalStateException: first line"), "trace in the log");
        assertTrue(log.contains("at org.zstack.agent.testsupport.TestCommands"), "trace in the log");
    }

    @Test
    void agentExceptionMessageIsPassedAsIs() {
        JsonObject rsp = client.call("/test/refuse", "{\"message\":\"no space left on /data\"}");
        assertFalse(rsp.get("success").getAsBoolean());
        assertEquals("no space left on /data", rsp.get("error").getAsString());
    }

    @Test
    void secretFieldsAreMaskedInTheLogAndResourceUuidIsLogged() throws Exception {
        AgentClient.Reply r = client.post("/test/secret",
                "{\"vCenter\":\"vc.example\",\"password\":\"Hunter2-Pw\",\"nested\":{\"user\":\"admin\",\"token\":\"TkN-42x\"}}",
                Map.of("X-Resource-UUID", "5b1e7c0aa21c4b3c9d6e0f1a2b3c4d5e"));
        assertEquals(200, r.status());
        String log = Files.readString(stateDir.resolve("agent.log"));
        assertTrue(log.contains("/test/secret [resource:5b1e7c0aa21c4b3c9d6e0f1a2b3c4d5e]"), log);
        assertTrue(log.contains("vc.example") && log.contains("admin"), "other fields are logged");
        assertFalse(log.contains("Hunter2-Pw"), "password leaked into agent.log");
        assertFalse(log.contains("TkN-42x"), "nested token leaked into agent.log");
        assertTrue(log.contains("\"password\":\"*****\""));
    }

    @Test
    void progressReachesTheNodeAfterConnect() throws Exception {
        JsonObject c = client.call("/host/connect", "{\"hostUuid\":\"host-progress\",\"sendCommandUrl\":\""
                + node.url("/zstack/asyncrest/sendcommand") + "\"}");
        assertTrue(c.get("success").getAsBoolean(), c.toString());

        JsonObject rsp = client.call("/test/progress", "{\"apiId\":\"api-1\",\"percent\":42}");
        assertTrue(rsp.get("delivered").getAsBoolean());
        FakeNode.Received p = node.next(5000);
        assertEquals("/zstack/asyncrest/sendcommand", p.path());
        assertEquals("/progress/report", p.commandPath());
        JsonObject body = p.json();
        assertEquals("api-1", body.get("apiId").getAsString());
        assertEquals(42, body.get("progress").getAsInt());
        assertEquals("transfer", body.getAsJsonObject("detail").get("phase").getAsString());
        assertEquals(1, body.getAsJsonObject("detail").get("disk").getAsInt());
    }
}
