package org.zstack.agent.testsupport;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Talks to an agent the way the management node does: JSON POSTs, optionally async by headers, signed with
 * {@link TestSecret#VALUE} (or another secret; null sends unsigned requests).
 */
public final class AgentClient {
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public record Reply(int status, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private final String secret;

    public AgentClient(String host, int port) {
        this(host, port, TestSecret.VALUE);
    }

    public AgentClient(String host, int port, String secret) {
        this.base = "http://" + host + ":" + port;
        this.secret = secret;
    }

    public Reply post(String path, String body) {
        return post(path, body, Map.of());
    }

    public Reply post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(25))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            org.zstack.agent.auth.AgentRequestSigner.headers(secret, method, path, bytes).forEach(b::header);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new RuntimeException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        }
    }

    /** A sync call that must answer 200; returns the response JSON. */
    public JsonObject call(String path, String body) {
        Reply r = post(path, body);
        if (r.status() != 200) {
            throw new AssertionError("HTTP " + r.status() + " from " + path + ": " + r.body());
        }
        return r.json();
    }
}
