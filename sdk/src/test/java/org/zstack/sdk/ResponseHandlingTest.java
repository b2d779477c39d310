package org.zstack.sdk;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How answers are read: 200, 202 and polling, 503, other statuses, timeouts, async delivery. */
class ResponseHandlingTest {
    private static final String ZONE = "{\"inventory\":{\"uuid\":\"u1\",\"name\":\"z1\"}}";
    private static final String ERROR = "{\"error\":{\"code\":\"SYS.1007\",\"description\":\"invalid argument\","
            + "\"details\":\"name is too long\",\"cost\":12,\"cause\":{\"code\":\"SYS.1000\"},"
            + "\"opaque\":{\"field\":\"name\"}}}";

    private FakeServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeServer();
        ZSClient.configure(server.configBuilder().build());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static CreateZoneAction createZone() {
        CreateZoneAction a = new CreateZoneAction();
        a.sessionId = "s";
        a.name = "z1";
        return a;
    }

    /** 202 with a location on another host (only the part after /v1/api-jobs counts), then the poll answers. */
    private void acceptThenPoll(int pollsBeforeDone, int finalStatus, String finalBody) {
        AtomicInteger polls = new AtomicInteger();
        server.respond(r -> {
            if (!r.path().startsWith("/zstack/v1/api-jobs/")) {
                return new FakeServer.Reply(202, "{\"location\":\"http://elsewhere:9/zstack/v1/api-jobs/"
                        + r.header("X-Job-UUID") + "\",\"apiTimeout\":10800000}");
            }
            return polls.incrementAndGet() <= pollsBeforeDone
                    ? new FakeServer.Reply(202, "{}")
                    : new FakeServer.Reply(finalStatus, finalBody);
        });
    }

    @Test
    void pollsAfter202UntilTheJobIsDone() {
        acceptThenPoll(2, 200, ZONE);
        CreateZoneAction.Result res = createZone().call().throwExceptionIfError();

        assertEquals("z1", res.value.inventory.name);
        assertEquals(4, server.requests.size());
        String jobUuid = server.requests.get(0).header("X-Job-UUID");
        for (FakeServer.Request poll : server.requests.subList(1, 4)) {
            assertEquals("GET", poll.method());
            assertEquals("/zstack/v1/api-jobs/" + jobUuid, poll.path());
            assertNull(poll.header("X-Job-UUID"), "a poll is not a new job");
        }
    }

    @Test
    void serviceUnavailableCarriesTheErrorCode() {
        server.respond(r -> new FakeServer.Reply(503, ERROR));
        ErrorCode e = createZone().call().error;
        assertEquals("SYS.1007", e.code);
        assertEquals("name is too long", e.details);
        assertEquals("12", e.cost);
        assertEquals("SYS.1000", e.cause.code);
        assertEquals("name", e.opaque.get("field"));

        acceptThenPoll(1, 503, ERROR);
        CreateZoneAction.Result res = createZone().call();
        assertEquals("SYS.1007", res.error.code);
        assertNull(res.value);
        ApiException thrown = assertThrows(ApiException.class, res::throwExceptionIfError);
        assertSame(res.error, thrown.getErrorCode());
    }

    @Test
    void serviceUnavailableWithoutErrorIsSuccess() {
        server.respond(r -> new FakeServer.Reply(503, ZONE));
        CreateZoneAction.Result res = createZone().call();
        assertNull(res.error);
        assertEquals("u1", res.value.inventory.uuid);
    }

    @Test
    void otherStatusesBecomeSdk1000WithTheBodyAsDetails() {
        server.respond(r -> new FakeServer.Reply(400, "missing header 'Authorization'"));
        ErrorCode e = createZone().call().error;
        assertEquals(ZSClient.SDK_HTTP_ERROR, e.code);
        assertEquals("sdk.1000", e.code);
        assertEquals("missing header 'Authorization'", e.details);

        acceptThenPoll(0, 404, "the job has been expired");
        e = createZone().call().error;
        assertEquals("sdk.1000", e.code);
        assertEquals("the job has been expired", e.details);
    }

    @Test
    void pollingTimeoutBecomesSdk1001() {
        acceptThenPoll(Integer.MAX_VALUE, 200, ZONE);
        CreateZoneAction a = createZone();
        a.timeout = 300;
        a.pollingInterval = 20;
        long start = System.nanoTime();
        ErrorCode e = a.call().error;
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertEquals("sdk.1001", e.code);
        assertTrue(elapsedMs >= 300 && elapsedMs < 3000, "took " + elapsedMs + " ms");
        assertTrue(server.requests.size() > 3, "polled " + server.requests.size() + " times");
        assertEquals("1", server.requests.get(0).header("X-API-Timeout"));
    }

    @Test
    void connectionFailureIsAnErrorNotAnException() {
        server.close();
        ErrorCode e = createZone().call().error;
        assertEquals("sdk.1000", e.code);
    }

    @Test
    void asynchronousCallPollsAndCompletes() throws Exception {
        acceptThenPoll(1, 200, ZONE);
        CompletableFuture<CreateZoneAction.Result> done = new CompletableFuture<>();
        createZone().call(done::complete);
        CreateZoneAction.Result res = done.get(5, TimeUnit.SECONDS);
        assertNull(res.error);
        assertEquals("u1", res.value.inventory.uuid);
        assertEquals(3, server.requests.size());
    }

    @Test
    void webHookDeliversAsynchronousResultsWithoutPolling() throws Exception {
        ZSClient.configure(server.configBuilder().setWebHook("http://127.0.0.1:1/hook").build());
        server.respond(r -> new FakeServer.Reply(202,
                "{\"location\":\"http://127.0.0.1/zstack/v1/api-jobs/" + r.header("X-Job-UUID") + "\"}"));
        CompletableFuture<CreateZoneAction.Result> done = new CompletableFuture<>();
        createZone().call(done::complete);

        long deadline = System.currentTimeMillis() + 5000;
        while (server.requests.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        FakeServer.Request first = server.requests.get(0);
        assertEquals("http://127.0.0.1:1/hook", first.header("X-Web-Hook"));
        String jobUuid = first.header("X-Job-UUID");
        // the server may POST before the SDK has read its 202; either order must work
        assertTrue(ZSClient.webHookCallback(jobUuid, true, ZONE));
        assertEquals("u1", done.get(5, TimeUnit.SECONDS).value.inventory.uuid);
        assertFalse(ZSClient.webHookCallback(jobUuid, true, ZONE), "delivered once");
        Thread.sleep(50);
        assertEquals(1, server.requests.size(), "no polling in web-hook mode");

        // queries are synchronous: no web hook header, plain answer
        QueryZoneAction q = new QueryZoneAction();
        q.sessionId = "s";
        server.respond(r -> new FakeServer.Reply(200, "{\"inventories\":[]}"));
        assertNotNull(q.call().throwExceptionIfError().value.inventories);
        assertNull(server.last().header("X-Web-Hook"));
    }

    @Test
    void unconfiguredClientRefusesToCall() throws Exception {
        java.lang.reflect.Field f = ZSClient.class.getDeclaredField("connection");
        f.setAccessible(true);
        f.set(null, null);
        assertThrows(ApiException.class, () -> createZone().call());
    }
}
