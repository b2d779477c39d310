package org.zstack.sdk;

import javax.net.ssl.SSLContext;
import java.util.concurrent.TimeUnit;

/**
 * Where and how the SDK talks to a management node. Immutable; build it with {@link Builder}.
 * ZStack serves its API under the context path "zstack", so that is the default here
 * (the official SDK defaults to none and every caller has to set it).
 */
public final class ZSConfig {
    private final String scheme;
    private final String hostname;
    private final int port;
    private final String contextPath;
    private final long defaultPollingTimeout;
    private final long defaultPollingInterval;
    private final String webHook;
    private final SSLContext sslContext;

    private ZSConfig(Builder b) {
        scheme = b.scheme;
        hostname = b.hostname;
        port = b.port;
        contextPath = b.contextPath;
        defaultPollingTimeout = b.defaultPollingTimeout;
        defaultPollingInterval = b.defaultPollingInterval;
        webHook = b.webHook;
        sslContext = b.sslContext;
    }

    public String getScheme() { return scheme; }
    public String getHostname() { return hostname; }
    public int getPort() { return port; }
    public String getContextPath() { return contextPath; }
    /** milliseconds */
    public long getDefaultPollingTimeout() { return defaultPollingTimeout; }
    /** milliseconds */
    public long getDefaultPollingInterval() { return defaultPollingInterval; }
    public String getWebHook() { return webHook; }
    public SSLContext getSslContext() { return sslContext; }

    /** "http://host:port/zstack/v1": every API path is appended to this. */
    String apiBaseUrl() {
        String ctx = contextPath == null ? "" : contextPath.replaceAll("^/+|/+$", "");
        String host = hostname.contains(":") && !hostname.startsWith("[") ? "[" + hostname + "]" : hostname;
        return scheme + "://" + host + ":" + port + (ctx.isEmpty() ? "" : "/" + ctx) + "/v1";
    }

    public static final class Builder {
        private String scheme = "http";
        private String hostname = "localhost";
        private int port = 8080;
        private String contextPath = "zstack";
        private long defaultPollingTimeout = TimeUnit.HOURS.toMillis(3);
        private long defaultPollingInterval = TimeUnit.SECONDS.toMillis(1);
        private String webHook;
        private SSLContext sslContext;

        public Builder setHostname(String hostname) { this.hostname = hostname; return this; }
        public Builder setPort(int port) { this.port = port; return this; }
        public Builder setContextPath(String contextPath) { this.contextPath = contextPath; return this; }

        /** "http" (the default, what ZStack's own SDK uses) or "https". */
        public Builder setScheme(String scheme) { this.scheme = scheme; return this; }

        /** Only for https: the trust material to use instead of the JVM's default. */
        public Builder setSslContext(SSLContext sslContext) { this.sslContext = sslContext; return this; }

        public Builder setDefaultPollingTimeout(long value, TimeUnit unit) {
            this.defaultPollingTimeout = unit.toMillis(value);
            return this;
        }

        public Builder setDefaultPollingInterval(long value, TimeUnit unit) {
            this.defaultPollingInterval = unit.toMillis(value);
            return this;
        }

        /**
         * URL the server POSTs results of asynchronous calls to. Only used by {@code call(Completion)};
         * the receiving endpoint hands each POST to {@link ZSClient#webHookCallback}.
         */
        public Builder setWebHook(String webHook) { this.webHook = webHook; return this; }

        public ZSConfig build() {
            if (hostname == null || hostname.isEmpty()) {
                throw new IllegalArgumentException("hostname is required");
            }
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("scheme must be http or https, not " + scheme);
            }
            if (defaultPollingTimeout <= 0 || defaultPollingInterval <= 0) {
                throw new IllegalArgumentException("polling timeout and interval must be positive");
            }
            return new ZSConfig(this);
        }
    }
}
