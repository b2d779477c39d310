package org.zstack.sdk;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SDK's entry point: {@link #configure} once, then run actions ({@code action.call()}).
 * Error codes made by the SDK itself: {@value #SDK_HTTP_ERROR} (unexpected HTTP status or no connection),
 * {@value #SDK_POLLING_TIMEOUT} (no result within the timeout), {@value #SDK_BAD_REPLY} (unreadable reply).
 */
public final class ZSClient {
    public static final String SDK_HTTP_ERROR = "sdk.1000";
    public static final String SDK_POLLING_TIMEOUT = "sdk.1001";
    public static final String SDK_BAD_REPLY = "sdk.1002";

    /** Config and the client built from it, swapped together so a call never mixes two configurations. */
    private record Connection(ZSConfig config, HttpClient http) {
    }

    private static volatile Connection connection;

    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new DaemonThreads());
    private static final ScheduledThreadPoolExecutor TIMERS = new ScheduledThreadPoolExecutor(1, new DaemonThreads());
    private static final Map<String, WebHookWaiter> WEB_HOOK_WAITERS = new ConcurrentHashMap<>();

    /** An asynchronous call whose result the web hook will bring, and its timeout to cancel when it does. */
    private record WebHookWaiter(Completion<ApiResult> completion, ScheduledFuture<?> timeout) {
    }

    static {
        TIMERS.setRemoveOnCancelPolicy(true);
    }

    private ZSClient() {
    }

    public static void configure(ZSConfig config) {
        HttpClient.Builder b = HttpClient.newBuilder()
                // plain HTTP/1.1: no h2c upgrade attempt, which some servers handle badly
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30));
        if (config.getSslContext() != null) {
            b.sslContext(config.getSslContext());
        }
        connection = new Connection(config, b.build());
    }

    public static ZSConfig getConfig() {
        Connection c = connection;
        return c == null ? null : c.config();
    }

    /** Runs the action and waits for its outcome, polling if the server answers 202. */
    public static ApiResult call(AbstractAction action) {
        return newCall(action, false).execute();
    }

    /**
     * Runs the action on an SDK thread and hands the outcome to {@code completion}. Invalid parameters
     * still throw {@link ApiException} here, at once. With a web hook configured, asynchronous APIs are
     * not polled: the outcome arrives through {@link #webHookCallback}.
     */
    public static void call(AbstractAction action, Completion<ApiResult> completion) {
        ApiCall call = newCall(action, true);
        if (call.usesWebHook()) {
            // registered before sending: the server may POST the result before we read its 202
            ScheduledFuture<?> timeout = TIMERS.schedule(
                    () -> deliver(call.jobUuid(), call.timedOut()), call.timeoutMillis(), TimeUnit.MILLISECONDS);
            WEB_HOOK_WAITERS.put(call.jobUuid(), new WebHookWaiter(completion, timeout));
        }
        EXECUTOR.execute(() -> {
            ApiResult result = call.execute();
            if (result == null) {
                return; // accepted; the web hook brings the result
            }
            if (call.usesWebHook()) {
                deliver(call.jobUuid(), result);
            } else {
                completion.complete(result);
            }
        });
    }

    /**
     * For the application's web-hook endpoint: pass the POST's {@code X-Job-UUID}, {@code X-Job-Success}
     * and body. Returns false when no call of this client waits for that job (unknown, or already timed out).
     */
    public static boolean webHookCallback(String jobUuid, boolean success, String body) {
        return deliver(jobUuid, ApiCall.interpret(success ? 200 : 503, body));
    }

    private static boolean deliver(String jobUuid, ApiResult result) {
        WebHookWaiter waiter = WEB_HOOK_WAITERS.remove(jobUuid);
        if (waiter == null) {
            return false;
        }
        waiter.timeout().cancel(false);
        waiter.completion().complete(result);
        return true;
    }

    private static ApiCall newCall(AbstractAction action, boolean asynchronous) {
        Connection c = connection;
        if (c == null) {
            throw new ApiException("ZSClient is not configured; call ZSClient.configure(ZSConfig) first");
        }
        return new ApiCall(action, c.config(), c.http(), asynchronous);
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "zstack-sdk-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
