package org.zstack.rest;

import com.google.gson.*;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.core.json.StrictJsonParser;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.identity.SessionInventory;
import org.zstack.header.message.*;
import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.rest.HttpMethod;
import org.zstack.identity.AccountManagerImpl;
import org.zstack.identity.LoginThrottle;
import org.zstack.identity.SessionInterceptor;
import org.zstack.portal.ApiMediator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.zstack.core.Platform.argerr;

/**
 * ZStack's REST protocol under /zstack/v1 (see shared/docs/rest-wire-protocol.md). Sync APIs answer 200 or 503
 * at once; async ones are recorded as api jobs, answered 202 with a location to poll, and completed when their
 * APIEvent is published.
 */
public class RestServer extends HttpServlet {
    private static final Logger logger = LoggerFactory.getLogger(RestServer.class);
    private static final Pattern JOB_UUID = Pattern.compile("^[0-9a-f]{32}$");
    private static final String V1 = "/v1";
    private static final String API_JOBS = "/api-jobs/";
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final long MAX_API_TIMEOUT_SECONDS = 31536000;

    private final CloudBus bus;
    private final DatabaseFacade dbf;
    private final ThreadFacade thdf;
    private final RestRouteTable routes;
    private final AccessKeyAuthenticator accessKeys;
    private final WebhookSender webhooks;
    private final Map<String, HttpCallHandler> handlers = new ConcurrentHashMap<>();
    /** Async jobs of this node still waiting for their APIEvent. */
    private final Map<String, PendingJob> pending = new ConcurrentHashMap<>();

    /**
     * Full results that hold a secret ({@link NoLogging} fields, e.g. CreateAccessKey's AccessKeySecret), kept only
     * in this node's memory for the submitter's poll; the api-job table gets the body without them. After a restart,
     * or on another node, the poll answers the stored body: the secret is then gone, as it should be from disk.
     */
    private final Map<String, HeldResult> heldResults = new ConcurrentHashMap<>();

    private record PendingJob(RestRoute route, String webhook, List<String> fields, ScheduledFuture<?> timeout) {
    }

    private record HeldResult(String body, long completedAt) {
    }

    public RestServer(CloudBus bus, DatabaseFacade dbf, ThreadFacade thdf, RestRouteTable routes, AccountManagerImpl accounts) {
        this.bus = bus;
        this.dbf = dbf;
        this.thdf = thdf;
        this.routes = routes;
        this.accessKeys = new AccessKeyAuthenticator(accounts, new UsedSignatures(dbf, thdf));
        this.webhooks = new WebhookSender(thdf);
        bus.subscribe(APIEvent.class, this::onApiEvent);
        thdf.submitPeriodicTask(this::deleteExpiredJobs, 60, TimeUnit.SECONDS);
    }

    /** path is relative to /zstack, e.g. "/asyncrest/callback". */
    public void registerHandler(String path, HttpCallHandler handler) {
        handlers.put(path, handler);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse rsp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/zstack")) {
            path = path.substring("/zstack".length());
        }
        try {
            HttpCallHandler h = handlers.get(path);
            if (h != null) {
                h.handle(req, rsp);
            } else if (path.startsWith(V1 + API_JOBS) && req.getMethod().equals("GET")) {
                pollJob(path.substring((V1 + API_JOBS).length()), req, path, rsp);
            } else if (path.startsWith(V1 + "/")) {
                handleApi(path.substring(V1.length()), req, rsp);
            } else {
                throw new RestException(404, argerr("no such path %s", req.getRequestURI()));
            }
        } catch (RestException e) {
            if (e.plainText != null) {
                rsp.setStatus(e.status);
                rsp.setContentType("text/plain; charset=utf-8");
                rsp.getWriter().write(e.plainText);
            } else {
                writeError(rsp, e.status, e.error);
            }
        } catch (Exception e) {
            logger.warn("unhandled exception on " + req.getMethod() + " " + req.getRequestURI(), e);
            writeError(rsp, 500, Platform.inerr("internal error on %s %s; see the management node's log",
                    req.getMethod(), req.getRequestURI()));
        }
    }

    private void handleApi(String path, HttpServletRequest req, HttpServletResponse rsp) throws IOException {
        List<RestRouteTable.Match> matches = routes.find(path);
        if (matches.isEmpty()) {
            List<String> loose = routes.templatesMatchingLoosely(path);
            if (!loose.isEmpty()) {
                throw new RestException(404, argerr("no API at %s: in %s a {...Uuid} segment is a uuid, 32 lowercase hex characters",
                        "/zstack/v1" + path, loose));
            }
            throw new RestException(404, argerr("no API at %s", "/zstack/v1" + path));
        }
        List<String> allowed = matches.stream().map(m -> m.route().method.toString()).distinct().sorted().toList();
        HttpMethod method = Arrays.stream(HttpMethod.values()).filter(m -> m.name().equals(req.getMethod())).findFirst().orElse(null);
        List<RestRouteTable.Match> sameMethod = matches.stream().filter(m -> m.route().method == method).toList();
        if (sameMethod.isEmpty()) {
            // a 405 names the methods the path does take (RFC 9110 15.5.6), whatever the method tried (PATCH too)
            rsp.setHeader("Allow", String.join(", ", allowed));
            throw new RestException(405, argerr("%s /zstack/v1%s is not an API; the path takes %s", req.getMethod(), path, allowed));
        }

        String jobUuid = jobUuid(req, method);
        JsonObject body = method == HttpMethod.POST || method == HttpMethod.PUT ? readBody(req) : noBody(req, method, path);
        RestRouteTable.Match match = chooseByBodyKey(sameMethod, body, path);
        RestRoute route = match.route();
        APIMessage msg = buildMessage(route, match.vars(), body, req);
        msg.setId(jobUuid);
        msg.setRequestIp(Optional.ofNullable(req.getHeader("X-Request-Ip")).orElse(req.getRemoteAddr()));
        msg.putHeader(LoginThrottle.HEADER_CLIENT_ADDRESS, req.getRemoteAddr());
        String owner = authenticate(route, msg, req, path);
        long timeout = timeoutMillis(route, req);
        msg.setTimeout(timeout);
        bus.makeLocalServiceId(msg, ApiMediator.SERVICE_ID);

        List<String> fields = msg instanceof APIQueryMessage q ? q.getFields() : null;
        if (route.isSync()) {
            MessageReply reply = bus.call((NeedReplyMessage) msg);
            if (reply.isSuccess()) {
                writeJson(rsp, 200, RestResponseMapper.toBody(reply, fields));
            } else {
                writeError(rsp, 503, reply.getError());
            }
            return;
        }

        ApiJobVO job = new ApiJobVO();
        job.setUuid(jobUuid);
        job.setApiName(route.apiClass.getSimpleName());
        job.setState(ApiJobVO.State.Processing);
        job.setOwner(owner);
        job.setManagementNodeUuid(bus.getManagementNodeUuid());
        try {
            dbf.persist(job);
        } catch (RuntimeException e) {
            // the primary key is the client's X-Job-UUID: a duplicate is a reused id
            throw new RestException(400, argerr("X-Job-UUID %s was already used", jobUuid));
        }
        ScheduledFuture<?> t = thdf.submitTimeoutTask(() -> timeoutJob(jobUuid, timeout), timeout, TimeUnit.MILLISECONDS);
        pending.put(jobUuid, new PendingJob(route, req.getHeader("X-Web-Hook"), fields, t));
        bus.send(msg);

        JsonObject accepted = new JsonObject();
        accepted.addProperty("location", baseUrl(req) + "/zstack/v1/api-jobs/" + jobUuid);
        accepted.addProperty("apiTimeout", timeout);
        writeJson(rsp, 202, accepted);
    }

    private String jobUuid(HttpServletRequest req, HttpMethod method) {
        String given = req.getHeader("X-Job-UUID");
        if (given == null) {
            return Platform.getUuid();
        }
        if (!JOB_UUID.matcher(given).matches()) {
            throw new RestException(400, argerr("X-Job-UUID must be 32 lowercase hex characters, got %s", given));
        }
        if (method != HttpMethod.GET && dbf.isExist(given, ApiJobVO.class)) {
            throw new RestException(400, argerr("X-Job-UUID %s was already used", given));
        }
        return given;
    }

    private static JsonObject readBody(HttpServletRequest req) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY) {
            // refused before reading: the client learns it at once instead of after uploading it all
            throw new RestException(413, argerr("the request body is larger than %d bytes", MAX_BODY));
        }
        byte[] bytes;
        try (InputStream in = req.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw unreadableBody();
        }
        if (bytes.length > MAX_BODY) {
            throw new RestException(413, argerr("the request body is larger than %d bytes", MAX_BODY));
        }
        try {
            String text = StrictJsonParser.decodeUtf8(bytes);
            if (text.isBlank()) {
                return new JsonObject();
            }
            JsonElement e = StrictJsonParser.parse(text);
            if (!e.isJsonObject()) {
                throw new RestException(400, argerr("the request body must be a JSON object"));
            }
            return e.getAsJsonObject();
        } catch (StrictJsonParser.NotStrictJsonException e) {
            throw new RestException(400, argerr("the request body is not valid JSON: %s", e.getMessage()));
        }
    }

    /** A body cut short or in a broken chunked encoding: the client's fault, not an internal error. */
    private static RestException unreadableBody() {
        return new RestException(400, argerr("the request body cannot be read: it ended before its declared length or its chunked encoding is broken"));
    }

    /** GET and DELETE take the query string: a body would be dropped unread, so DELETE {"junk"} deleted all the same. */
    private static JsonObject noBody(HttpServletRequest req, HttpMethod method, String path) throws IOException {
        boolean has = req.getContentLengthLong() > 0;
        if (!has) {
            try (InputStream in = req.getInputStream()) {
                has = in.read() >= 0;
            } catch (IOException e) {
                throw unreadableBody();
            }
        }
        if (has) {
            throw new RestException(400, argerr("%s /zstack/v1%s takes its parameters in the query string; send no body", method, path));
        }
        return new JsonObject();
    }

    /** Several actions share "/{resources}/{uuid}/actions": the body's one key (other than tags) says which. */
    private static RestRouteTable.Match chooseByBodyKey(List<RestRouteTable.Match> matches, JsonObject body, String path) {
        RestRoute first = matches.get(0).route();
        if (!first.rest.isAction() && matches.size() == 1) {
            return matches.get(0);
        }
        Set<String> keys = new HashSet<>(body.keySet());
        keys.remove("systemTags");
        keys.remove("userTags");
        List<RestRouteTable.Match> named = matches.stream().filter(m -> keys.contains(m.route().bodyKey())).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            // the single top-level key says which action runs; two of them would leave it to chance
            throw new RestException(400, argerr("the body of PUT /zstack/v1%s names several actions %s; send one",
                    path, named.stream().map(m -> m.route().bodyKey()).toList()));
        }
        if (!first.rest.isAction()) {
            return matches.get(0);
        }
        throw new RestException(400, argerr("the body of PUT /zstack/v1%s must have one of the keys %s, got %s", path,
                matches.stream().map(m -> m.route().bodyKey()).toList(), keys));
    }

    private static APIMessage buildMessage(RestRoute route, Map<String, String> vars, JsonObject body, HttpServletRequest req) {
        JsonObject fields = new JsonObject();
        String key = route.bodyKey();
        for (String top : body.keySet()) {
            // what the body holds besides the API's key and the tags would be dropped unread
            if (!top.equals(key) && !top.equals("systemTags") && !top.equals("userTags")) {
                throw new RestException(400, argerr("unknown key \"%s\" in the body of %s; it takes %s", top,
                        route.apiClass.getSimpleName(), key.isEmpty() ? "no body" : "{\"" + key + "\": {...}}"));
            }
        }
        if (!key.isEmpty() && body.has(key)) {
            JsonElement params = body.get(key);
            if (!params.isJsonObject()) {
                throw new RestException(400, argerr("\"%s\" must be a JSON object", key));
            }
            params.getAsJsonObject().entrySet().forEach(e -> fields.add(e.getKey(), e.getValue()));
        }
        for (String tags : List.of("systemTags", "userTags")) {
            if (body.has(tags) && !fields.has(tags)) {
                fields.add(tags, body.get(tags));
            }
        }
        Map<String, List<String>> query = queryParams(req);
        if (route.method == HttpMethod.GET || route.method == HttpMethod.DELETE) {
            if (route.isQuery()) {
                QueryStringParser.checkKnown(query.keySet());
            } else {
                query.forEach((k, v) -> addQueryParam(route.apiClass, fields, k, v));
            }
        } else if (!query.isEmpty()) {
            throw new RestException(400, argerr("%s %s takes its parameters in the body, not in the query string %s",
                    route.method, route.template, query.keySet()));
        }
        RequestFields.checkKnown(fields, route.apiClass, "");
        vars.forEach(fields::addProperty);
        APIMessage msg;
        try {
            msg = JSONObjectUtil.restGson.fromJson(fields, route.apiClass);
        } catch (JsonParseException | NumberFormatException | IllegalStateException e) {
            throw new RestException(400, argerr("wrong parameter types for %s: %s", route.apiClass.getSimpleName(),
                    parseProblem(e)));
        }
        if (msg instanceof APIQueryMessage q) {
            if (q.getConditions() == null) {
                q.setConditions(new ArrayList<>());
            }
            if (q.getLimit() == null) {
                q.setLimit(APIQueryMessage.DEFAULT_LIMIT);
            }
            QueryStringParser.fill(q, query);
            if (vars.containsKey("uuid")) {
                q.addQueryCondition("uuid", "=", vars.get("uuid"));
            }
        }
        return msg;
    }

    /**
     * What Gson found wrong, for the client: the innermost message's first line ("Expected a string but was
     * BEGIN_OBJECT at line 1 column 12 path $.name"). Gson's own message wraps it in exception class names and
     * appends a troubleshooting URL, neither of which a client should see.
     */
    static String parseProblem(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? "" : root.getMessage().strip();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl).strip();
        }
        if (m.isEmpty() || m.contains("Exception")) {
            return "malformed or wrongly typed JSON";
        }
        return m;
    }

    /** a=1&a=2 is a list; a.k=v is a map entry. */
    private static void addQueryParam(Class<?> apiClass, JsonObject fields, String k, List<String> values) {
        int dot = k.indexOf('.');
        if (dot > 0) {
            String map = k.substring(0, dot);
            JsonObject m = fields.has(map) && fields.get(map).isJsonObject() ? fields.getAsJsonObject(map) : new JsonObject();
            m.addProperty(k.substring(dot + 1), values.get(0));
            fields.add(map, m);
        } else if (values.size() == 1) {
            fields.add(k, RequestFields.fromQueryString(apiClass, k, values.get(0)));
        } else {
            JsonArray a = new JsonArray();
            values.forEach(a::add);
            fields.add(k, a);
        }
    }

    private static Map<String, List<String>> queryParams(HttpServletRequest req) {
        Map<String, List<String>> ret = new LinkedHashMap<>();
        String qs = req.getQueryString();
        if (qs == null || qs.isEmpty()) {
            return ret;
        }
        for (String pair : qs.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            ret.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return ret;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RestException(400, argerr("malformed URL encoding in %s", s));
        }
    }

    /** @return the {@link ApiJobOwner} form of the credential; null for an API that needs none */
    private String authenticate(RestRoute route, APIMessage msg, HttpServletRequest req, String path) {
        if (!route.needSession()) {
            return null;
        }
        String auth = req.getHeader("Authorization");
        if (auth == null || auth.isBlank()) {
            throw new RestException(400, "missing header 'Authorization'");
        }
        auth = auth.trim();
        if (auth.startsWith("OAuth ")) {
            SessionInventory s = new SessionInventory();
            s.setUuid(auth.substring("OAuth ".length()).trim());
            msg.setSession(s);
            return ApiJobOwner.ofSession(s.getUuid());
        } else if (auth.startsWith("ZStack ")) {
            AccessKeyAuthenticator.Result r = accessKeys.authenticate(auth.substring("ZStack ".length()).trim(),
                    req.getMethod(), req.getHeader("Date"), V1 + path);
            if (r.refusal() != null) {
                throw new RestException(401, Platform.err(r.code(), r.refusal()));
            }
            SessionInventory s = new SessionInventory();
            s.setAccountUuid(r.accountUuid());
            s.setUserUuid(r.accountUuid());
            msg.setSession(s);
            msg.putHeader(SessionInterceptor.HEADER_ACCESS_KEY_AUTHENTICATED, true);
            return ApiJobOwner.ofAccessKey(accessKeyId(auth));
        } else {
            // only a missing header is plain text, as ZStack answers it; a malformed one is an error like any other
            throw new RestException(400, argerr("the Authorization header must be 'OAuth <session uuid>' or 'ZStack <AccessKeyId>:<signature>'"));
        }
    }

    private static String accessKeyId(String zstackAuthorization) {
        String credential = zstackAuthorization.substring("ZStack ".length()).trim();
        return credential.substring(0, credential.indexOf(':'));
    }

    /**
     * The owner a poll presents: its session, or its access key when the signature over this GET is right (the key
     * id alone is no secret). Null when the poll carries no valid credential.
     */
    private String presentedOwner(HttpServletRequest req, String path) {
        String auth = req.getHeader("Authorization");
        if (auth == null) {
            return null;
        }
        auth = auth.trim();
        if (auth.startsWith("OAuth ")) {
            String session = auth.substring("OAuth ".length()).trim();
            return session.isEmpty() ? null : ApiJobOwner.ofSession(session);
        }
        if (auth.startsWith("ZStack ")) {
            AccessKeyAuthenticator.Result r = accessKeys.authenticate(auth.substring("ZStack ".length()).trim(),
                    req.getMethod(), req.getHeader("Date"), path, false);
            return r.refusal() == null ? ApiJobOwner.ofAccessKey(accessKeyId(auth)) : null;
        }
        return null;
    }

    private static long timeoutMillis(RestRoute route, HttpServletRequest req) {
        String h = req.getHeader("X-API-Timeout");
        if (h != null) {
            try {
                long s = Long.parseLong(h.trim());
                if (s > MAX_API_TIMEOUT_SECONDS) {
                    // 2^62 seconds overflowed the job's timer; a year is more than any API runs
                    throw new RestException(400, argerr("X-API-Timeout must be at most %d seconds, got %s", MAX_API_TIMEOUT_SECONDS, h));
                }
                if (s > 0) {
                    return TimeUnit.SECONDS.toMillis(s);
                }
            } catch (NumberFormatException e) {
                throw new RestException(400, argerr("X-API-Timeout must be a number of seconds, got %s", h));
            }
        }
        DefaultTimeout dt = route.apiClass.getAnnotation(DefaultTimeout.class);
        if (dt != null) {
            return dt.timeunit().toMillis(dt.value());
        }
        return TimeUnit.SECONDS.toMillis(RestGlobalConfig.API_TIMEOUT.value(Long.class));
    }

    private void onApiEvent(APIEvent evt) {
        PendingJob p = pending.remove(evt.getApiId());
        if (p == null) {
            return;
        }
        p.timeout().cancel(false);
        if (!evt.isSuccess()) {
            String body = errorBody(evt.getError());
            complete(evt.getApiId(), false, body, body, p.webhook());
            return;
        }
        String full = JSONObjectUtil.restGson.toJson(RestResponseMapper.toBody(evt, p.fields()));
        String withoutSecrets = JSONObjectUtil.restGson.toJson(RestResponseMapper.toBodyWithoutSecrets(evt, p.fields()));
        if (!full.equals(withoutSecrets)) {
            heldResults.put(evt.getApiId(), new HeldResult(full, System.currentTimeMillis()));
        }
        complete(evt.getApiId(), true, withoutSecrets, full, p.webhook());
    }

    private void timeoutJob(String jobUuid, long timeout) {
        PendingJob p = pending.remove(jobUuid);
        if (p != null) {
            String body = errorBody(Platform.touterr("the API did not finish within %d ms", timeout));
            complete(jobUuid, false, body, body, p.webhook());
        }
    }

    /** storedBody goes to the api-job table; the submitter's webhook gets fullBody, secrets included. */
    private void complete(String jobUuid, boolean success, String storedBody, String fullBody, String webhook) {
        dbf.transactionVoid(em -> {
            ApiJobVO job = em.find(ApiJobVO.class, jobUuid);
            if (job != null) {
                job.setState(ApiJobVO.State.Done);
                job.setSuccess(success);
                job.setResult(storedBody);
            }
        });
        if (webhook != null) {
            webhooks.send(webhook, jobUuid, success, fullBody);
        }
    }

    /** Only the submitter learns anything, even whether the job exists: everyone else gets the unknown job's 404. */
    private void pollJob(String jobUuid, HttpServletRequest req, String path, HttpServletResponse rsp) throws IOException {
        ApiJobVO job = dbf.findByUuid(jobUuid, ApiJobVO.class);
        if (job == null || expired(job) || !ApiJobOwner.same(job.getOwner(), presentedOwner(req, path))) {
            rsp.setStatus(404);
            rsp.setContentType("text/plain; charset=utf-8");
            rsp.getWriter().write("the job[uuid:" + jobUuid + "] does not exist or has expired");
            return;
        }
        if (job.getState() == ApiJobVO.State.Processing) {
            writeJson(rsp, 202, new JsonObject());
            return;
        }
        HeldResult held = heldResults.get(jobUuid);
        rsp.setStatus(job.isSuccess() ? 200 : 503);
        rsp.setContentType("application/json; charset=utf-8");
        rsp.getWriter().write(held != null ? held.body() : job.getResult());
    }

    private static boolean expired(ApiJobVO job) {
        long period = TimeUnit.SECONDS.toMillis(RestGlobalConfig.COMPLETED_API_EXPIRED_PERIOD.value(Long.class));
        return job.getState() == ApiJobVO.State.Done && job.getLastOpDate().getTime() + period < System.currentTimeMillis();
    }

    private void deleteExpiredJobs() {
        long period = TimeUnit.SECONDS.toMillis(RestGlobalConfig.COMPLETED_API_EXPIRED_PERIOD.value(Long.class));
        Q.New(ApiJobVO.class).eq(ApiJobVO_.state, ApiJobVO.State.Done)
                .lt(ApiJobVO_.lastOpDate, new Timestamp(System.currentTimeMillis() - period)).delete();
        long now = System.currentTimeMillis();
        heldResults.values().removeIf(h -> h.completedAt() + period < now);
    }

    private static String baseUrl(HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host == null) {
            host = req.getServerName() + ":" + req.getServerPort();
        }
        return req.getScheme() + "://" + host;
    }

    static String errorBody(ErrorCode err) {
        JsonObject o = new JsonObject();
        o.add("error", JSONObjectUtil.restGson.toJsonTree(err));
        return JSONObjectUtil.restGson.toJson(o);
    }

    private static void writeError(HttpServletResponse rsp, int status, ErrorCode err) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("application/json; charset=utf-8");
        rsp.getWriter().write(errorBody(err));
    }

    private static void writeJson(HttpServletResponse rsp, int status, JsonObject body) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("application/json; charset=utf-8");
        rsp.getWriter().write(JSONObjectUtil.restGson.toJson(body));
    }
}
