package org.zstack.agent.runtime;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentExtension;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.AllowedRoots;
import org.zstack.agent.CommandHandler;
import org.zstack.agent.CommandRegistry;
import org.zstack.agent.ProcessRunner;
import org.zstack.agent.auth.AgentRequestSigner;
import org.zstack.agent.auth.HostSecretFile;
import org.zstack.agent.auth.SignedRequestVerifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent: an HTTP server (the JDK's own, no framework to ship) that dispatches JSON POSTs to the handlers
 * registered by the {@link AgentExtension}s, in ZStack's agent protocol:
 * <ul>
 *   <li>headers {@code taskuuid} + {@code callbackurl}: answer {@code {}} at once, run the handler on a worker,
 *       POST its response to the callback URL with the same taskuuid;</li>
 *   <li>otherwise: answer with the handler's response;</li>
 *   <li>unknown path 404, malformed JSON 400, both as {@code {"success":false,"error":...}};</li>
 *   <li>a stream path ({@link CommandRegistry#registerStream}): PUT or POST, the body passed to the handler
 *       unread, answered sync.</li>
 * </ul>
 * A handler's exception never escapes as a stack trace: it becomes {@code success:false} with a one-line error,
 * and the trace goes to the agent's log.
 * <p>
 * Every request, whatever its path, must be signed by the management node with this host's secret
 * ({@link AgentRequestSigner}); anything else is answered 401 before its body is parsed or a handler runs.
 * The agent's own calls to the node (callbacks, progress) are signed with the same secret.
 */
public final class AgentServer implements AutoCloseable {
    private static final Logger logger = Logger.getLogger(AgentServer.class.getName());

    static final String HEADER_TASK_UUID = "taskuuid";
    static final String HEADER_CALLBACK_URL = "callbackurl";
    static final String HEADER_RESOURCE_UUID = "X-Resource-UUID";
    static final String PROGRESS_COMMAND_PATH = "/progress/report";
    /** The node's identity error for an unsigned or wrongly signed call (conf/errorCodes/identity.xml). */
    static final String UNAUTHENTICATED_CODE = "ID.1010";
    /** Commands are small JSON documents; anything bigger is a mistake, not a command. */
    private static final int MAX_BODY = 16 << 20;
    /** Log lines, not dumps: long bodies (domain XML, lists of VMs) are cut. */
    private static final int MAX_LOGGED = 4000;

    private final AgentConfig config;
    private final List<AgentExtension> extensions;
    private final Map<String, Entry<?>> commands = new ConcurrentHashMap<>();
    private final Map<String, CommandRegistry.StreamHandler> streams = new ConcurrentHashMap<>();
    /** How commands are read; public so the node↔agent contract test reads them exactly so. */
    public static final Gson REQUEST_GSON = new Gson();
    private final Gson requestGson = REQUEST_GSON;
    /** Nulls are written so that, e.g., a never-connected ping shows {@code "hostUuid":null} explicitly. */
    public static final Gson RESPONSE_GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private final Gson responseGson = RESPONSE_GSON;
    private final Gson logGson = new GsonBuilder().disableHtmlEscaping().create();
    private final AtomicReference<Connection> connection = new AtomicReference<>();
    private final HostSecretFile secret;
    private final SignedRequestVerifier verifier = new SignedRequestVerifier();
    private final NodeClient nodeClient;

    private HttpServer server;
    private ExecutorService httpThreads;
    private ExecutorService workers;
    private AgentLogging logging;
    private volatile AllowedRoots allowedRoots;
    private volatile boolean stopped;

    private record Entry<T>(String path, Class<T> cmdClass, CommandHandler<T> handler) {
    }

    private record Connection(String hostUuid, String sendCommandUrl) {
    }

    /** An agent with the extensions found on the class path (the built-in host commands among them). */
    public AgentServer(AgentConfig config) {
        this(config, loadExtensions());
    }

    public AgentServer(AgentConfig config, List<AgentExtension> extensions) {
        this.config = config;
        this.extensions = List.copyOf(extensions);
        this.secret = new HostSecretFile(config.secretFile());
        this.nodeClient = new NodeClient(secret::get, () -> {
            Connection c = connection.get();
            return c == null ? null : c.hostUuid();
        });
    }

    private static List<AgentExtension> loadExtensions() {
        List<AgentExtension> list = new ArrayList<>();
        ServiceLoader.load(AgentExtension.class, AgentServer.class.getClassLoader()).forEach(list::add);
        return list;
    }

    public AgentConfig config() {
        return config;
    }

    /** The roots the node registered; null before {@link #start()}. In-process tests register theirs here. */
    public AllowedRoots allowedRoots() {
        return allowedRoots;
    }

    /** The bound port: the chosen one when the config asked for port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    public String host() {
        return config.host();
    }

    /** Loads extensions, binds, writes agent.port and agent.pid, prints the "listening" line. */
    public synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("agent already started");
        }
        Files.createDirectories(config.stateDir());
        logging = AgentLogging.install(config.stateDir());
        allowedRoots = AllowedRoots.load(config.stateDir());
        try {
            CommandRegistry registry = new Registry();
            for (AgentExtension ext : extensions) {
                ext.register(registry);
                logger.info(String.format("extension %s loaded", ext.getClass().getName()));
            }
            httpThreads = Executors.newCachedThreadPool(daemonThreads("agent-http-"));
            workers = Executors.newCachedThreadPool(daemonThreads("agent-worker-"));
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
            server.createContext("/", this::handle);
            server.setExecutor(httpThreads);
            server.start();

            int port = port();
            // the port file is written only now, once the socket accepts: a reader never connects too early
            writeAtomically(config.stateDir().resolve("agent.port"), String.valueOf(port));
            writeAtomically(config.stateDir().resolve("agent.pid"), String.valueOf(ProcessHandle.current().pid()));
            logger.info(String.format("kvm-agent %s on %s:%d, libvirt %s, state in %s, host secret %s, %d commands",
                    AgentVersion.get(), config.host(), port, config.libvirtUri(), config.stateDir(),
                    config.secretFile(), commands.size() + streams.size()));
            secret.get();
            System.out.println("kvm-agent listening on " + config.host() + ":" + port);
            System.out.flush();
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops listening, interrupts running commands, lets extensions release what they hold. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (server != null) {
            server.stop(1);
            deleteQuietly(config.stateDir().resolve("agent.port"));
            deleteQuietly(config.stateDir().resolve("agent.pid"));
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (httpThreads != null) {
            httpThreads.shutdownNow();
        }
        for (AgentExtension ext : extensions) {
            try {
                ext.stop();
            } catch (RuntimeException e) {
                logger.log(Level.WARNING, "extension " + ext.getClass().getName() + " failed to stop", e);
            }
        }
        try {
            if (workers != null) {
                workers.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        logger.info("kvm-agent stopped");
        if (logging != null) {
            logging.uninstall();
        }
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(HttpExchange ex) {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            CommandRegistry.StreamHandler stream = streams.get(path);
            if (stream != null) {
                // the body is the data, read by the handler: signed as UNSIGNED-PAYLOAD, see PROTOCOL.md
                if (authenticated(ex, null)) {
                    dispatchStream(ex, path, stream);
                }
                return;
            }
            Entry<?> entry = commands.get(path);
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                send(ex, 413, AgentResponse.error("request body larger than " + MAX_BODY + " bytes"));
                return;
            }
            if (!authenticated(ex, AgentRequestSigner.sha256Hex(body))) {
                return;
            }
            if (entry == null) {
                logger.warning(String.format("%s %s from %s: no such command", ex.getRequestMethod(), path,
                        ex.getRemoteAddress()));
                send(ex, 404, AgentResponse.error("no command at " + path));
                return;
            }
            if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                send(ex, 405, AgentResponse.error("only POST is accepted at " + path));
                return;
            }
            dispatch(ex, entry, body);
        } catch (Throwable t) {
            // a bug in the runtime itself: still answer in the protocol's shape if the exchange allows it
            logger.log(Level.SEVERE, "internal error handling " + ex.getRequestURI(), t);
            try {
                send(ex, 500, AgentResponse.error(describe(t)));
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent; the client sees a broken response
            }
        }
    }

    /**
     * True when the request is signed with this host's secret; else answers 401 with ZStack's error body and logs
     * one WARN line (the reason, never a secret or a signature).
     */
    private boolean authenticated(HttpExchange ex, String bodySha256) throws IOException {
        URI uri = ex.getRequestURI();
        String why = verifier.check(secret.get(), ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                name -> blankToNull(ex.getRequestHeaders().getFirst(name)), bodySha256);
        if (why == null) {
            return true;
        }
        logger.warning(String.format("refused %s %s from %s: %s", ex.getRequestMethod(), uri.getRawPath(),
                ex.getRemoteAddress(), why));
        JsonObject error = new JsonObject();
        error.addProperty("code", UNAUTHENTICATED_CODE);
        error.addProperty("description", "The call is not signed by this host's management node");
        error.addProperty("details", why);
        JsonObject rsp = new JsonObject();
        rsp.addProperty("success", false);
        rsp.add("error", error);
        ex.getResponseHeaders().set("WWW-Authenticate", "ZStack-Agent-HMAC-SHA256");
        sendRaw(ex, 401, responseGson.toJson(rsp));
        return false;
    }

    private <T> void dispatch(HttpExchange ex, Entry<T> entry, byte[] body) throws IOException {
        String path = entry.path();

        T cmd;
        JsonObject tree;
        try {
            tree = parseObject(new String(body, StandardCharsets.UTF_8));
            cmd = requestGson.fromJson(tree, entry.cmdClass());
        } catch (JsonParseException | IllegalStateException | NumberFormatException | UnsupportedOperationException e) {
            String msg = "malformed JSON for " + path + ": " + describe(e);
            logger.warning(msg);
            send(ex, 400, AgentResponse.error(msg));
            return;
        }

        String taskUuid = blankToNull(ex.getRequestHeaders().getFirst(HEADER_TASK_UUID));
        String callbackUrl = blankToNull(ex.getRequestHeaders().getFirst(HEADER_CALLBACK_URL));
        String resourceUuid = blankToNull(ex.getRequestHeaders().getFirst(HEADER_RESOURCE_UUID));
        boolean async = taskUuid != null && callbackUrl != null;
        logger.info(String.format("%s %s%s [resource:%s]: %s", async ? "async" : "sync", path,
                async ? " [task:" + taskUuid + "]" : "", resourceUuid, loggable(tree, entry.cmdClass())));

        RequestContext ctx = new RequestContext(path, async ? taskUuid : null, resourceUuid);
        if (!async) {
            send(ex, 200, invoke(entry, cmd, ctx));
            return;
        }

        if (!isHttpUrl(callbackUrl)) {
            send(ex, 400, AgentResponse.error("callbackurl is not an http(s) URL: " + callbackUrl));
            return;
        }
        try {
            workers.execute(() -> {
                AgentResponse rsp = invoke(entry, cmd, ctx);
                nodeClient.postCallback(callbackUrl, taskUuid, responseGson.toJson(rsp));
            });
        } catch (RejectedExecutionException e) {
            send(ex, 503, AgentResponse.error("agent is stopping"));
            return;
        }
        sendRaw(ex, 200, "{}");
    }

    /**
     * A raw-body request: no JSON parse and no size limit, the handler reads the body itself. Only the path and the
     * length are logged: the body is data, and headers may carry credentials.
     */
    private void dispatchStream(HttpExchange ex, String path, CommandRegistry.StreamHandler handler) throws IOException {
        String method = ex.getRequestMethod();
        if (!"PUT".equalsIgnoreCase(method) && !"POST".equalsIgnoreCase(method)) {
            send(ex, 405, AgentResponse.error("only PUT and POST are accepted at " + path));
            return;
        }
        Map<String, String> query = decodeQuery(ex.getRequestURI().getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        String resourceUuid = blankToNull(headers.get(HEADER_RESOURCE_UUID.toLowerCase(Locale.ROOT)));
        logger.info(String.format("stream %s %s [resource:%s]: %s bytes", method, path, resourceUuid,
                headers.getOrDefault("content-length", "chunked")));
        RequestContext ctx = new RequestContext(path, null, resourceUuid);
        InputStream body = ex.getRequestBody();
        AgentResponse rsp = call(path, () -> handler.handle(query, headers, body, ctx));
        try {
            body.close();
            send(ex, 200, rsp);
        } catch (IOException e) {
            // the client went away mid-body (a canceled upload): there is nobody left to answer
            logger.warning(String.format("%s: the client is gone, response not sent: %s", path, e.getMessage()));
        }
    }

    private static Map<String, String> decodeQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private <T> AgentResponse invoke(Entry<T> entry, T cmd, RequestContext ctx) {
        return call(entry.path(), () -> entry.handler().handle(cmd, ctx));
    }

    /** Runs a handler, turns any failure into success:false, and logs the (masked) response with the time taken. */
    private AgentResponse call(String path, Callable<AgentResponse> handler) {
        long start = System.nanoTime();
        AgentResponse rsp;
        try {
            rsp = handler.call();
            if (rsp == null) {
                rsp = new AgentResponse();
            }
        } catch (AgentException e) {
            // an expected refusal: its message is the whole story, logged below with the response; no trace
            rsp = AgentResponse.error(describe(e), e.errorCode());
        } catch (Throwable t) {
            logger.log(Level.SEVERE, path + " failed", t);
            rsp = AgentResponse.error(describe(t));
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String logged = loggable(responseGson.toJsonTree(rsp), rsp.getClass());
        if (rsp.isSuccess()) {
            logger.info(String.format("%s done in %d ms: %s", path, ms, logged));
        } else {
            logger.warning(String.format("%s failed in %d ms: %s", path, ms, logged));
        }
        return rsp;
    }

    /** Strict RFC 8259 parse of one JSON object with nothing after it; an empty body means {@code {}}. */
    private static JsonObject parseObject(String text) {
        if (text.isBlank()) {
            return new JsonObject();
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement e = JsonParser.parseReader(reader);
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonParseException("trailing data after the JSON object");
            }
        } catch (IOException io) {
            throw new JsonParseException(io.getMessage(), io);
        }
        if (!e.isJsonObject()) {
            throw new JsonParseException("the body must be a JSON object");
        }
        return e.getAsJsonObject();
    }

    private String loggable(JsonElement tree, Class<?> type) {
        String s = logGson.toJson(SecretMasker.mask(tree, type));
        return s.length() > MAX_LOGGED ? s.substring(0, MAX_LOGGED) + "...(" + s.length() + " chars)" : s;
    }

    private void send(HttpExchange ex, int status, AgentResponse rsp) throws IOException {
        sendRaw(ex, status, responseGson.toJson(rsp));
    }

    private static void sendRaw(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * A one-line error for the node: the message of an {@link AgentException} as is, otherwise
     * "ExceptionClass: message" (an IOException's bare message is often just a path).
     */
    static String describe(Throwable t) {
        String msg = t.getMessage();
        if (t instanceof AgentException && msg != null && !msg.isBlank()) {
            return ProcessRunner.oneLine(msg);
        }
        if (t instanceof JsonParseException && t.getCause() != null && t.getCause().getMessage() != null) {
            // Gson wraps the parser's exception; its message already names the line and column
            msg = t.getCause().getMessage();
        }
        String name = t.getClass().getSimpleName();
        return msg == null || msg.isBlank() ? name : ProcessRunner.oneLine(name + ": " + msg);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI u = URI.create(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            logger.warning("cannot delete " + p + ": " + e.getMessage());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- SPI implementations

    private final class Registry implements CommandRegistry {
        @Override
        public <T> void register(String path, Class<T> cmdClass, CommandHandler<T> handler) {
            checkFree(path);
            commands.put(path, new Entry<>(path, cmdClass, handler));
        }

        @Override
        public void registerStream(String path, CommandRegistry.StreamHandler handler) {
            checkFree(path);
            streams.put(path, handler);
        }

        /** Registration happens on one thread before the agent listens, so check-then-put is enough. */
        private void checkFree(String path) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("a command path must start with '/': " + path);
            }
            if (commands.containsKey(path) || streams.containsKey(path)) {
                throw new IllegalStateException("command path " + path + " registered twice");
            }
        }

        @Override
        public AgentConfig config() {
            return config;
        }

        @Override
        public AllowedRoots allowedRoots() {
            return allowedRoots;
        }
    }

    private final class RequestContext implements AgentContext {
        private final String path;
        private final String taskUuid;
        private final String resourceUuid;

        RequestContext(String path, String taskUuid, String resourceUuid) {
            this.path = path;
            this.taskUuid = taskUuid;
            this.resourceUuid = resourceUuid;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String taskUuid() {
            return taskUuid;
        }

        @Override
        public String resourceUuid() {
            return resourceUuid;
        }

        @Override
        public AgentConfig config() {
            return config;
        }

        @Override
        public AllowedRoots allowedRoots() {
            return allowedRoots;
        }

        @Override
        public String connectedHostUuid() {
            Connection c = connection.get();
            return c == null ? null : c.hostUuid();
        }

        @Override
        public String sendCommandUrl() {
            Connection c = connection.get();
            return c == null ? null : c.sendCommandUrl();
        }

        @Override
        public void markConnected(String hostUuid, String sendCommandUrl) {
            Connection old = connection.getAndSet(new Connection(hostUuid, sendCommandUrl));
            logger.info(String.format("connected to management node as host %s (was %s), sendCommandUrl %s",
                    hostUuid, old == null ? null : old.hostUuid(), sendCommandUrl));
        }

        @Override
        public boolean reportProgress(String apiId, int percent, String taskName, Map<String, Object> detail) {
            String url = sendCommandUrl();
            if (url == null) {
                logger.warning(String.format("progress %d%% of %s not reported: the agent is not connected",
                        percent, apiId));
                return false;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("apiId", apiId);
            body.put("progress", Math.max(0, Math.min(100, percent)));
            if (taskName != null) {
                body.put("taskName", taskName);
            }
            body.put("detail", detail == null ? Map.of() : detail);
            return nodeClient.postCommand(url, PROGRESS_COMMAND_PATH, logGson.toJson(body));
        }
    }
}
