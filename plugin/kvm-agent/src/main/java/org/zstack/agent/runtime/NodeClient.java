package org.zstack.agent.runtime;

import org.zstack.agent.auth.AgentRequestSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's calls to the management node: async-call callbacks and pushed commands (progress), signed with the
 * host secret so that the node can tell them from forgeries.
 */
final class NodeClient {
    private static final Logger logger = Logger.getLogger(NodeClient.class.getName());

    /** 1 try + 3 retries, 1 s apart: rides over a node restart or a short network blip. */
    static final int CALLBACK_RETRIES = 3;
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1 only: the JDK client would otherwise try an h2c upgrade, which servlet containers
            // on plain http handle badly
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Supplier<String> secret;
    private final Supplier<String> hostUuid;

    NodeClient(Supplier<String> secret, Supplier<String> hostUuid) {
        this.secret = secret;
        this.hostUuid = hostUuid;
    }

    /**
     * POSTs the result of an async command to the node's callback URL with the request's taskuuid.
     *
     * @return true once the node has accepted it (2xx)
     */
    boolean postCallback(String callbackUrl, String taskUuid, String json) {
        for (int attempt = 0; attempt <= CALLBACK_RETRIES; attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(RETRY_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    logger.warning(String.format("callback of task %s to %s abandoned: agent stopping",
                            taskUuid, callbackUrl));
                    return false;
                }
            }
            try {
                int status = post(callbackUrl, Map.of("taskuuid", taskUuid), json, Duration.ofSeconds(30));
                if (status / 100 == 2) {
                    return true;
                }
                logger.warning(String.format("callback of task %s to %s answered HTTP %d (attempt %d of %d)",
                        taskUuid, callbackUrl, status, attempt + 1, CALLBACK_RETRIES + 1));
            } catch (IOException | IllegalArgumentException e) {
                logger.warning(String.format("callback of task %s to %s failed (attempt %d of %d): %s",
                        taskUuid, callbackUrl, attempt + 1, CALLBACK_RETRIES + 1, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        logger.severe(String.format("callback of task %s to %s given up; the node will time the call out",
                taskUuid, callbackUrl));
        return false;
    }

    /** One attempt only: a lost progress report is superseded by the next one. */
    boolean postCommand(String sendCommandUrl, String commandPath, String json) {
        try {
            int status = post(sendCommandUrl, Map.of("commandpath", commandPath), json, Duration.ofSeconds(10));
            if (status / 100 == 2) {
                return true;
            }
            logger.warning(String.format("%s to %s answered HTTP %d", commandPath, sendCommandUrl, status));
        } catch (IOException | IllegalArgumentException e) {
            logger.log(Level.WARNING, String.format("%s to %s failed: %s", commandPath, sendCommandUrl, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private int post(String url, Map<String, String> headers, String json, Duration timeout)
            throws IOException, InterruptedException {
        URI uri = URI.create(url);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        String key = secret.get();
        if (key != null) {
            String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
            AgentRequestSigner.headers(key, "POST", pathAndQuery, body).forEach(b::header);
        }
        String host = hostUuid.get();
        if (host != null) {
            b.header(AgentRequestSigner.HOST_UUID, host);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
