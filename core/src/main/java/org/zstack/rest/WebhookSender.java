package org.zstack.rest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.thread.ThreadFacade;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Posts an API's final body to the client's X-Web-Hook, retrying a non-2xx answer with a growing delay. */
class WebhookSender {
    private static final Logger logger = LoggerFactory.getLogger(WebhookSender.class);
    static final int ATTEMPTS = 5;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ThreadFacade thdf;

    WebhookSender(ThreadFacade thdf) {
        this.thdf = thdf;
    }

    void send(String url, String jobUuid, boolean success, String body) {
        attempt(url, jobUuid, success, body, 1);
    }

    private void attempt(String url, String jobUuid, boolean success, String body, int n) {
        HttpRequest req;
        try {
            req = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Job-UUID", jobUuid)
                    .header("X-Job-Success", String.valueOf(success))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException e) {
            logger.warn("webhook {} of job {} is not a valid URL", url, jobUuid);
            return;
        }
        client.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((rsp, err) -> {
            if (err == null && rsp.statusCode() / 100 == 2) {
                return;
            }
            String why = err != null ? err.toString() : "HTTP " + rsp.statusCode();
            if (n >= ATTEMPTS) {
                logger.warn("webhook {} of job {} failed {} times, last: {}; giving up", url, jobUuid, n, why);
                return;
            }
            long delay = 1L << (n - 1);
            thdf.submitTimeoutTask(() -> attempt(url, jobUuid, success, body, n + 1), delay, TimeUnit.SECONDS);
        });
    }
}
