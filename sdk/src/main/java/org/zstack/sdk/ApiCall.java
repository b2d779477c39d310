package org.zstack.sdk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One execution of an action: builds the first request, sends it, and polls /v1/api-jobs while the
 * server answers 202. Everything that can be checked without the server is checked in the constructor,
 * so a bad call throws {@link ApiException} before any HTTP traffic.
 */
final class ApiCall {
    private static final String JOBS_PATH = "/v1/api-jobs";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("GMT"));
    /** A poll is cheap; even when the deadline is near, give it this long to answer. */
    private static final long MIN_POLL_REQUEST_MILLIS = 1000;

    private final AbstractAction action;
    private final ZSConfig config;
    private final HttpClient http;
    private final RestInfo info;
    /** Becomes the server's message id: the api-job uuid and a long job's apiId. */
    private final String jobUuid = UUID.randomUUID().toString().replace("-", "");
    private final String path;
    private final Map<String, Object> params;
    private final long timeoutMillis;
    private final long intervalMillis;
    private final String webHook;

    ApiCall(AbstractAction action, ZSConfig config, HttpClient http, boolean asynchronous) {
        this.action = action;
        this.config = config;
        this.http = http;
        ParamSupport.validate(action);
        this.info = action.getRestInfo();
        if (info.needSession && action.sessionId == null && !hasAccessKey()) {
            throw new ApiException(action.getClass().getSimpleName()
                    + " needs sessionId, or accessKeyId and accessKeySecret");
        }
        this.params = action.apiParams();
        this.path = fillPath(info.path);
        this.timeoutMillis = action.timeout > 0 ? action.timeout : config.getDefaultPollingTimeout();
        this.intervalMillis = action.pollingInterval > 0 ? action.pollingInterval : config.getDefaultPollingInterval();
        this.webHook = asynchronous && info.needPoll ? config.getWebHook() : null;
    }

    String jobUuid() { return jobUuid; }
    long timeoutMillis() { return timeoutMillis; }
    boolean usesWebHook() { return webHook != null; }

    /** @return the outcome; null only when the server accepted the job and will POST it to the web hook */
    ApiResult execute() {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            HttpResponse<String> rsp = send(firstRequest());
            if (rsp.statusCode() == 202 && webHook != null) {
                return null;
            }
            String pollPath = rsp.statusCode() == 202 ? pollPath(rsp.body()) : null;
            while (rsp.statusCode() == 202) {
                if (pollPath == null) {
                    return ApiResult.ofError(new ErrorCode(ZSClient.SDK_HTTP_ERROR,
                            "the server answered 202 without a usable location", rsp.body()));
                }
                long remaining = deadline - System.currentTimeMillis();
                if (remaining <= 0) {
                    return timedOut();
                }
                Thread.sleep(Math.min(intervalMillis, remaining));
                long requestTimeout = Math.max(deadline - System.currentTimeMillis(), MIN_POLL_REQUEST_MILLIS);
                rsp = send(request("GET", pollPath, null, null, requestTimeout).build());
            }
            return interpret(rsp.statusCode(), rsp.body());
        } catch (HttpTimeoutException e) {
            return timedOut();
        } catch (IOException e) {
            return ApiResult.ofError(new ErrorCode(ZSClient.SDK_HTTP_ERROR,
                    "cannot reach the server at " + config.apiBaseUrl(), String.valueOf(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiResult.ofError(new ErrorCode(ZSClient.SDK_HTTP_ERROR, "interrupted", "job " + jobUuid));
        }
    }

    ApiResult timedOut() {
        return ApiResult.ofError(new ErrorCode(ZSClient.SDK_POLLING_TIMEOUT, "timed out waiting for the result",
                String.format("%s (job %s) did not finish within %d ms",
                        action.getClass().getSimpleName(), jobUuid, timeoutMillis)));
    }

    /** The SDK's reading of a final answer: 2xx is a result, 503 an error (or a result without one). */
    static ApiResult interpret(int status, String body) {
        if (status == 503) {
            JsonElement error = field(body, "error");
            return error == null || error.isJsonNull()
                    ? ApiResult.ofBody(body)
                    : ApiResult.ofError(JsonSupport.GSON.fromJson(error, ErrorCode.class));
        }
        if (status >= 200 && status < 300 && status != 202) {
            return ApiResult.ofBody(body);
        }
        return ApiResult.ofError(new ErrorCode(ZSClient.SDK_HTTP_ERROR,
                "the server answered with HTTP status " + status, body));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest firstRequest() {
        String method = info.httpMethod.toUpperCase(Locale.ROOT);
        boolean hasBody = method.equals("POST") || method.equals("PUT");
        String body = null;
        String query = null;
        if (hasBody) {
            String key = info.parameterName != null ? info.parameterName : "params";
            JsonObject root = new JsonObject();
            root.add(key, JsonSupport.GSON.toJsonTree(params));
            body = JsonSupport.GSON.toJson(root);
        } else {
            query = encodeQuery(action.queryParameters(params));
        }
        HttpRequest.Builder b = request(method, path, query, body, timeoutMillis).header("X-Job-UUID", jobUuid);
        if (action.timeout > 0) {
            b.header("X-API-Timeout", String.valueOf(Math.max(1, action.timeout / 1000)));
        }
        if (webHook != null) {
            b.header("X-Web-Hook", webHook);
        }
        return b.build();
    }

    /** @param apiPath below /v1, already URL-encoded */
    private HttpRequest.Builder request(String method, String apiPath, String query, String body, long timeout) {
        String url = config.apiBaseUrl() + apiPath + (query == null || query.isEmpty() ? "" : "?" + query);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(timeout))
                .header("X-JSON-Schema", "true");
        authorize(b, method, apiPath);
        if (action.requestIp != null) {
            b.header("X-Request-Ip", action.requestIp);
        }
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.header("Content-Type", "application/json; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private void authorize(HttpRequest.Builder b, String method, String apiPath) {
        if (!info.needSession) {
            return;
        }
        if (hasAccessKey()) {
            String date = HTTP_DATE.format(Instant.ofEpochSecond(signingSecond(action.accessKeyId + " " + method + " " + apiPath)));
            String signature = sign(action.accessKeySecret, method + "\n" + date + "\n/v1" + apiPath);
            b.header("Date", date).header("Authorization", "ZStack " + action.accessKeyId + ":" + signature);
        } else {
            b.header("Authorization", "OAuth " + action.sessionId);
        }
    }

    /** The last second each access key signed each method and path in. */
    private static final Map<String, Long> LAST_SIGNED = new ConcurrentHashMap<>();

    /**
     * The second to date a signature with: now, unless this key already signed this method and path in it. The
     * server accepts a signature once, and the Date has a resolution of seconds, so a second identical request in
     * the same second would repeat the first's signature and be refused as a replay: it waits for the next second.
     */
    static long signingSecond(String key) {
        long now = System.currentTimeMillis() / 1000;
        long second = LAST_SIGNED.compute(key, (k, last) -> last == null || last < now ? now : last + 1);
        long wait = second * 1000 - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException("interrupted while waiting to sign a request", e);
            }
        }
        return second;
    }

    /** Base64 of HmacSHA1(secret, text): the access-key signature ZStack checks. */
    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    private boolean hasAccessKey() {
        return action.accessKeyId != null && action.accessKeySecret != null;
    }

    /** Replaces {name} with the action's field of that name, which is then not sent again. */
    private String fillPath(String template) {
        Matcher m = PATH_VARIABLE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Object value = action.fieldValue(name);
            if (value == null) {
                throw new ApiException("missing mandatory field [" + name + "] of "
                        + action.getClass().getSimpleName() + ", part of its path");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(encode(String.valueOf(value))));
            params.remove(name);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** "/api-jobs/<uuid>" from the 202 body's location, whatever host the server put in front of it. */
    private static String pollPath(String body) {
        JsonElement location = field(body, "location");
        if (location == null || !location.isJsonPrimitive()) {
            return null;
        }
        String url = location.getAsString();
        int i = url.indexOf(JOBS_PATH);
        return i < 0 ? null : url.substring(i + "/v1".length());
    }

    private static JsonElement field(String body, String name) {
        try {
            JsonElement e = body == null || body.isBlank() ? null : JsonParser.parseString(body);
            return e != null && e.isJsonObject() ? e.getAsJsonObject().get(name) : null;
        } catch (JsonParseException notJson) {
            return null;
        }
    }

    private static String encodeQuery(List<Map.Entry<String, String>> pairs) {
        return pairs.stream().map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
