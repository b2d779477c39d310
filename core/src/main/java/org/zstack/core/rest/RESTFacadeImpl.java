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
    static final String AGENT_UNAUTHENTICATED = "ID.1010";
    static final String AGENT_NO_SECRET = "ID.1011";

    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private ZStackProperties props;
    @Autowired(required = false)
    private AgentSecretProvider secrets;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, SyncHandler<?>> syncHandlers = new ConcurrentHashMap<>();
    private final SignedRequestVerifier verifier = new SignedRequestVerifier();
    private String baseUrl;

    private record Waiting(String hostUuid, ReturnValueCompletion<JsonObject> completion, ScheduledFuture<?> timeout,
                           AtomicBoolean done) {
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
    public void asyncJsonPost(String hostUuid, String url, Object cmd, Map<String, String> headers, long timeoutMs,
                              ReturnValueCompletion<JsonObject> completion) {
        String secret = secretOf(hostUuid);
        if (secret == null) {
            completion.fail(Platform.err(AGENT_NO_SECRET, null, "host[uuid:%s] has no agent secret; reconnect it so that its"
                    + " deployment installs one", hostUuid));
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            completion.fail(Platform.operr("the agent URL %s is not valid", url));
            return;
        }
        String taskUuid = Platform.getUuid();
        ScheduledFuture<?> t = thdf.submitTimeoutTask(() -> {
            Waiting w = waiting.remove(taskUuid);
            if (w != null && w.finish()) {
                w.completion().fail(Platform.touterr("no answer from %s within %d ms", url, timeoutMs));
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        Waiting w = new Waiting(hostUuid, completion, t, new AtomicBoolean());
        waiting.put(taskUuid, w);

        byte[] body = JSONObjectUtil.toJsonString(cmd).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMillis(Math.min(timeoutMs, TimeUnit.SECONDS.toMillis(30))))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("taskuuid", taskUuid)
                .header("callbackurl", baseUrl + CALLBACK_PATH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        AgentRequestSigner.headers(secret, "POST", pathAndQuery, body).forEach(b::header);
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

    private String secretOf(String hostUuid) {
        return secrets == null || hostUuid == null ? null : secrets.secretOf(hostUuid);
    }

    /**
     * True when an agent's call is signed with the secret of hostUuid; else answers 401 with ZStack's error body and
     * logs one WARN line (never the secret or the signature).
     */
    private boolean authenticated(HttpServletRequest req, HttpServletResponse rsp, String hostUuid, byte[] body)
            throws IOException {
        String why = hostUuid == null ? "the call names no host (" + AgentRequestSigner.HOST_UUID + ")"
                : verifier.check(secretOf(hostUuid), req.getMethod(), req.getRequestURI(), req.getQueryString(),
                req::getHeader, AgentRequestSigner.sha256Hex(body));
        if (why == null) {
            return true;
        }
        logger.warn("refused {} {} from {} (host {}): {}", req.getMethod(), req.getRequestURI(), req.getRemoteAddr(),
                hostUuid, why);
        rsp.setStatus(401);
        rsp.setContentType("application/json; charset=utf-8");
        JsonObject o = new JsonObject();
        o.add("error", JSONObjectUtil.restGson.toJsonTree(Platform.err(AGENT_UNAUTHENTICATED, null, "%s", why)));
        rsp.getWriter().write(JSONObjectUtil.restGson.toJson(o));
        return false;
    }

    private void onCallback(HttpServletRequest req, HttpServletResponse rsp) throws IOException {
        String taskUuid = req.getHeader("taskuuid");
        byte[] raw = req.getInputStream().readAllBytes();
        Waiting pending = taskUuid == null ? null : waiting.get(taskUuid);
        // the call's own host, not the one the caller claims: only that host's agent may complete it
        String hostUuid = pending != null ? pending.hostUuid() : req.getHeader(AgentRequestSigner.HOST_UUID);
        if (!authenticated(req, rsp, hostUuid, raw)) {
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
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
        byte[] raw = req.getInputStream().readAllBytes();
        if (!authenticated(req, rsp, req.getHeader(AgentRequestSigner.HOST_UUID), raw)) {
            return;
        }
        SyncHandler<?> h = path == null ? null : syncHandlers.get(path);
        rsp.setContentType("application/json; charset=utf-8");
        if (h == null) {
            rsp.setStatus(404);
            rsp.getWriter().write("{\"success\":false,\"error\":\"no handler for commandpath " + path + "\"}");
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
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
