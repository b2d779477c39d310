package org.zstack.core.rest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.ZStackProperties;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.rest.RestServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

public class RESTFacadeImpl implements RESTFacade {
    private static final Logger logger = LoggerFactory.getLogger(RESTFacadeImpl.class);

    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private ZStackProperties props;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, SyncHandler<?>> syncHandlers = new ConcurrentHashMap<>();
    private String baseUrl;

    private record Waiting(ReturnValueCompletion<JsonObject> completion, ScheduledFuture<?> timeout, AtomicBoolean done) {
        boolean finish() {
            timeout.cancel(false);
            return done.compareAndSet(false, true);
        }
    }

    private record SyncHandler<T>(Class<T> cmdClass, Function<T, Object> handler) {
        Object handle(String body) {
            return handler.apply(JSONObjectUtil.toObject(body, cmdClass));
        }
    }

    /** Called by the node once the REST server listens; agents reach the node at management.server.ip. */
    public void attach(RestServer server, int port) {
        String ip = props.get("management.server.ip", "127.0.0.1");
        baseUrl = "http://" + ip + ":" + port + "/zstack";
        server.registerHandler(CALLBACK_PATH, this::onCallback);
        server.registerHandler(SEND_COMMAND_PATH, this::onSendCommand);
    }

    @Override
    public String getSendCommandUrl() {
        return baseUrl + SEND_COMMAND_PATH;
    }

    @Override
    public void asyncJsonPost(String url, Object cmd, Map<String, String> headers, long timeoutMs,
                              ReturnValueCompletion<JsonObject> completion) {
        String taskUuid = Platform.getUuid();
        ScheduledFuture<?> t = thdf.submitTimeoutTask(() -> {
            Waiting w = waiting.remove(taskUuid);
            if (w != null && w.finish()) {
                w.completion().fail(Platform.touterr("no answer from %s within %d ms", url, timeoutMs));
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        Waiting w = new Waiting(completion, t, new AtomicBoolean());
        waiting.put(taskUuid, w);

        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(Math.min(timeoutMs, TimeUnit.SECONDS.toMillis(30))))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("taskuuid", taskUuid)
                .header("callbackurl", baseUrl + CALLBACK_PATH)
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtil.toJsonString(cmd)));
        headers.forEach(b::header);
        client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((rsp, err) -> {
            String why = err != null ? String.valueOf(err.getMessage() == null ? err : err.getMessage())
                    : rsp.statusCode() / 100 != 2 ? "HTTP " + rsp.statusCode() + ": " + rsp.body() : null;
            if (why == null) {
                return;
            }
            Waiting gone = waiting.remove(taskUuid);
            if (gone != null && gone.finish()) {
                gone.completion().fail(Platform.operr("cannot send the command to %s: %s", url, why));
            }
        });
    }

    private void onCallback(HttpServletRequest req, HttpServletResponse rsp) throws IOException {
        String taskUuid = req.getHeader("taskuuid");
        String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        rsp.setStatus(200);
        Waiting w = taskUuid == null ? null : waiting.remove(taskUuid);
        if (w == null || !w.finish()) {
            logger.debug("a callback for task {} came after its caller gave up", taskUuid);
            return;
        }
        JsonObject json;
        try {
            json = JsonParser.parseString(body).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            w.completion().fail(Platform.operr("the agent answered something that is not a JSON object: %s",
                    body.length() > 200 ? body.substring(0, 200) + "..." : body));
            return;
        }
        thdf.submit(() -> w.completion().success(json));
    }

    @Override
    public <T> void registerSyncHttpCallHandler(String commandPath, Class<T> cmdClass, Function<T, Object> handler) {
        syncHandlers.put(commandPath, new SyncHandler<>(cmdClass, handler));
    }

    private void onSendCommand(HttpServletRequest req, HttpServletResponse rsp) throws IOException {
        String path = req.getHeader("commandpath");
        SyncHandler<?> h = path == null ? null : syncHandlers.get(path);
        rsp.setContentType("application/json; charset=utf-8");
        if (h == null) {
            rsp.setStatus(404);
            rsp.getWriter().write("{\"success\":false,\"error\":\"no handler for commandpath " + path + "\"}");
            return;
        }
        String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            Object ret = h.handle(body);
            rsp.setStatus(200);
            rsp.getWriter().write(ret == null ? "{\"success\":true}" : JSONObjectUtil.toJsonString(ret));
        } catch (RuntimeException e) {
            logger.warn("handling agent command " + path, e);
            rsp.setStatus(500);
            rsp.getWriter().write("{\"success\":false,\"error\":\"the node failed to handle " + path + "\"}");
        }
    }
}
