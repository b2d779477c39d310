package org.zstack.v2v.agent;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.runtime.AgentServer;
import org.zstack.v2v.agent.testsupport.RangeFileServer;
import org.zstack.v2v.agent.testsupport.RawImages;
import org.zstack.v2v.agent.testsupport.SelfSignedCert;
import org.zstack.v2v.agent.testsupport.SignedCalls;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The job commands through a real agent over HTTP, as the management node calls them. */
class V2VAgentCommandsTest {
    static final String COOKIE = "vmware_soap_session=\"ticket-7f3a-must-not-be-logged\"";

    @TempDir
    static Path tmp;
    static AgentServer agent;
    static RangeFileServer source;
    static String url;
    static String thumbprint;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        agent = new AgentServer(new AgentConfig("127.0.0.1", 0, "test:///default", tmp.resolve("state")),
                List.of(new V2VAgentExtension()));
        SignedCalls.installSecret(agent.config());
        agent.start();
        // what the node registers at connect: the conversion host's storage path is under here
        agent.allowedRoots().register(List.of(tmp.toString()));
        SelfSignedCert cert = SelfSignedCert.create(tmp);
        thumbprint = cert.thumbprint();
        source = new RangeFileServer(cert).requireCookie(COOKIE);
        Path disk = tmp.resolve("disk.raw");
        RawImages.halfFull(disk, 8 << 20, 1 << 20, 5);
        url = source.serve("nfc/lease-1/disk-0-flat.vmdk", disk);
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.stop();
        }
        if (source != null) {
            source.close();
        }
    }

    static JsonObject call(String path, Object body) throws Exception {
        byte[] json = new Gson().toJson(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(SignedCalls.signed(URI.create("http://127.0.0.1:" + agent.port() + path), "POST", json)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void transferAnswersThePerDiskFiguresAndTheCookieNeverReachesTheLog() throws Exception {
        Path storage = tmp.resolve("cache");
        Map<String, Object> disk = Map.of("index", 0, "url", url, "headers", Map.of("Cookie", COOKIE),
                "sslThumbprint", thumbprint, "capacity", 8 << 20);
        JsonObject rsp = call("/v2v/job/transfer", Map.of("jobUuid", "job-http", "apiId", "api-1",
                "storagePath", storage.toString(), "parallelDisks", 2, "progressBase", 0, "progressSpan", 40,
                "disks", List.of(disk)));

        assertTrue(rsp.get("success").getAsBoolean(), rsp.toString());
        JsonObject d = rsp.getAsJsonArray("disks").get(0).getAsJsonObject();
        assertEquals(storage.resolve("job-http/disk-0.raw").toString(), d.get("path").getAsString());
        assertEquals(8 << 20, d.get("bytesRead").getAsLong());
        assertEquals(4 << 20, d.get("bytesWritten").getAsLong());
        assertEquals(4 << 20, d.get("zeroBytesSkipped").getAsLong());
        for (String field : List.of("index", "capacity", "seconds", "bytesPerSecond")) {
            assertTrue(d.has(field), field);
        }
        assertTrue(rsp.has("seconds"));

        String log = Files.readString(tmp.resolve("state/agent.log"));
        assertTrue(log.contains("/v2v/job/transfer"), "the request is logged");
        assertFalse(log.contains("ticket-7f3a"), "the session cookie leaked into agent.log");

        JsonObject cleanup = call("/v2v/job/cleanup", Map.of("jobUuid", "job-http", "storagePath", storage.toString()));
        assertTrue(cleanup.get("success").getAsBoolean(), cleanup.toString());
        assertFalse(Files.exists(storage.resolve("job-http")));

        JsonObject cancel = call("/v2v/job/cancel", Map.of("jobUuid", "job-http"));
        assertTrue(cancel.get("success").getAsBoolean());
        assertFalse(cancel.get("canceled").getAsBoolean(), "nothing was running");
    }

    @Test
    void theUploadPathTakesOnlyPutAndPost() throws Exception {
        HttpResponse<String> r = http.send(SignedCalls.signed(URI.create("http://127.0.0.1:" + agent.port()
                + "/v2v/volume/upload?path=/a/b.raw&size=0"), "GET", null).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
        assertFalse(JsonParser.parseString(r.body()).getAsJsonObject().get("success").getAsBoolean());
    }

    @Test
    void aFailedTransferAnswersOneLineNamingTheDisk() throws Exception {
        Map<String, Object> disk = Map.of("index", 3, "url", url.replace("disk-0", "disk-9"),
                "headers", Map.of("Cookie", COOKIE), "sslThumbprint", thumbprint, "capacity", 8 << 20);
        JsonObject rsp = call("/v2v/job/transfer", Map.of("jobUuid", "job-404",
                "storagePath", tmp.resolve("cache").toString(), "disks", List.of(disk)));
        assertFalse(rsp.get("success").getAsBoolean());
        String error = rsp.get("error").getAsString();
        assertTrue(error.startsWith("disk 3: HTTP 404 from GET https://127.0.0.1:"), error);
        assertFalse(error.contains("\n"));
        assertFalse(error.contains("ticket"));
    }
}
