package org.zstack.v2v.agent.deliver;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zstack.agent.AgentException;
import org.zstack.agent.auth.AgentRequestSigner;
import org.zstack.v2v.agent.job.BandwidthLimiter;
import org.zstack.v2v.agent.job.MeteredInputStream;
import org.zstack.v2v.agent.job.JobCanceledException;
import org.zstack.v2v.agent.job.JobRegistry;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;

/**
 * Sends a finished volume to the target host's agent ({@code PUT /v2v/volume/upload}), streamed from the file
 * with a Content-Length, never held in memory, within the job's upload bandwidth. The job tracks the request:
 * cancel aborts it at once.
 */
final class VolumeUploader {
    /** Small enough that the limiter's waits stay short and smooth. */
    private static final int UPLOAD_READ = 256 << 10;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    /**
     * key and scope: the node's key for this upload (DeliverCmd.targetAgentKey); the body is streamed, so it is signed
     * as UNSIGNED-PAYLOAD, while the path and size in the query are signed.
     */
    void upload(Path file, String targetAgentUrl, String installPath, String key, String scope, BandwidthLimiter limiter,
                JobRegistry.Job job, LongConsumer sent) throws IOException, InterruptedException {
        long size = Files.size(file);
        URI uri = uploadUri(targetAgentUrl, installPath, size);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return MeteredInputStream.asRequestBody(Files.newInputStream(file), UPLOAD_READ, limiter,
                                job::checkCanceled, sent, "upload of " + file.getFileName());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }), size);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/octet-stream")
                .PUT(body);
        if (key != null) {
            AgentRequestSigner.headers(key, scope, "PUT", uri.getRawPath() + "?" + uri.getRawQuery(),
                    AgentRequestSigner.UNSIGNED_PAYLOAD).forEach(b::header);
        }
        HttpRequest req = b.build();
        job.checkCanceled();
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
        Closeable abort = () -> call.cancel(true);
        job.track(abort);
        HttpResponse<String> rsp;
        try {
            rsp = call.get();
        } catch (CancellationException e) {
            throw new JobCanceledException(job.uuid());
        } catch (ExecutionException e) {
            job.checkCanceled();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AgentException(String.format("upload of %s to %s failed: %s", file, uri.getHost() + ":"
                    + uri.getPort(), cause), cause);
        } finally {
            job.untrack(abort);
        }
        job.checkCanceled();
        answer(rsp, installPath, targetAgentUrl);
    }

    static URI uploadUri(String targetAgentUrl, String installPath, long size) {
        String base = targetAgentUrl.endsWith("/") ? targetAgentUrl.substring(0, targetAgentUrl.length() - 1)
                : targetAgentUrl;
        try {
            return URI.create(base + VolumeUploadHandler.PATH + "?path=" + URLEncoder.encode(installPath, StandardCharsets.UTF_8)
                    + "&size=" + size);
        } catch (IllegalArgumentException e) {
            throw new AgentException("targetAgentUrl is not a valid URL: " + targetAgentUrl);
        }
    }

    /** The target agent answers the usual JSON; its error is the one worth passing on. */
    private static void answer(HttpResponse<String> rsp, String installPath, String targetAgentUrl) {
        String error;
        try {
            JsonObject o = JsonParser.parseString(rsp.body()).getAsJsonObject();
            boolean ok = o.has("success") && o.get("success").getAsBoolean();
            if (ok && rsp.statusCode() == 200) {
                return;
            }
            JsonElement e = o.get("error");
            error = e == null || e.isJsonNull() ? "no error given"
                    // a refusal (401) carries ZStack's error object: its details say why
                    : e.isJsonObject() ? String.valueOf(e.getAsJsonObject().get("details")) : e.getAsString();
        } catch (RuntimeException e) {
            error = "an answer that is not the agent's JSON";
        }
        throw new AgentException(String.format("upload of %s to %s failed: HTTP %d, %s", installPath, targetAgentUrl,
                rsp.statusCode(), error));
    }
}
