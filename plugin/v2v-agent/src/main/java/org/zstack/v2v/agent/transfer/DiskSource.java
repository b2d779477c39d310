package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One source disk over HTTPS: opens its whole content or a byte range. Errors name the disk, the HTTP status and
 * the URL without its query; the request headers (a vCenter session cookie) appear nowhere, neither in errors
 * nor in logs.
 *
 * <p>HttpsURLConnection rather than java.net.http.HttpClient: on one core's worth of TLS it reads about as fast
 * as curl, the newer client at less than half that. It also gives a socket read timeout, which catches a source
 * that stops sending without closing.
 */
final class DiskSource {
    private static final Logger logger = Logger.getLogger(DiskSource.class.getName());

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Headers the connection sets itself; the JDK would drop them silently. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "range", "transfer-encoding", "keep-alive", "te", "trailer");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    private final int index;
    private final URL url;
    private final String shownUrl;
    private final Map<String, String> headers;
    private final boolean pinned;
    private final SocketTrackingFactory sockets;
    private final int readTimeoutMillis;

    /**
     * What a request answered: the body, the disk offset of its first byte (0 when Range was ignored), and the
     * resource's version as the server names it (its ETag, else its Last-Modified; null when it says neither).
     */
    record Body(long start, InputStream in, String version) {
    }

    /**
     * @param stallTimeout how long a read may wait for data before the download is dropped (and resumed)
     */
    DiskSource(int index, String url, Map<String, String> headers, String sslThumbprint, Duration stallTimeout) {
        this.index = index;
        URI uri;
        try {
            uri = URI.create(url);
            this.url = uri.toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new AgentException(String.format("disk %d: the URL is not valid: %s", index, e.getMessage()));
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new AgentException(String.format("disk %d: not an https URL with a host: %s", index, shown(uri)));
        }
        this.shownUrl = shown(uri);
        this.headers = headers == null ? Map.of() : headers;
        this.pinned = sslThumbprint != null && !sslThumbprint.isBlank();
        try {
            SSLContext ctx = pinned ? ThumbprintTrust.context(sslThumbprint) : SSLContext.getDefault();
            this.sockets = new SocketTrackingFactory(ctx.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e, e);
        }
        this.readTimeoutMillis = (int) Math.max(1, stallTimeout.toMillis());
    }

    /** The URL as errors show it: without the query, which may hold a lease or datastore ticket. */
    static String shown(URI u) {
        String port = u.getPort() < 0 ? "" : ":" + u.getPort();
        return u.getScheme() + "://" + u.getHost() + port + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    String shownUrl() {
        return shownUrl;
    }

    /** Ends every download of this disk now, from any thread: the reader's next or current read fails. */
    void abort() {
        sockets.closeAll();
    }

    /**
     * Asks for {@code [start, end)}; {@code ranged} false asks for the whole resource without a Range header.
     *
     * @throws AgentException on an answer that a retry will not change (4xx, a wrong Content-Range)
     * @throws IOException    on network errors and 5xx, which may pass
     */
    Body open(long start, long end, boolean ranged) throws IOException {
        HttpsURLConnection c = (HttpsURLConnection) url.openConnection();
        c.setSSLSocketFactory(sockets);
        if (pinned) {
            // the thumbprint pins the certificate; its name is the host's, not the address in the URL
            c.setHostnameVerifier((host, session) -> true);
        }
        c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        c.setReadTimeout(readTimeoutMillis);
        // a redirect could carry the session cookie to another host
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        headers.forEach((name, value) -> {
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                logger.warning(String.format("disk %d: header %s is set by the connection itself; not sent", index, name));
            } else if (value != null) {
                c.setRequestProperty(name, value);
            }
        });
        if (ranged) {
            c.setRequestProperty("Range", "bytes=" + start + "-" + (end - 1));
        }
        int status;
        try {
            status = c.getResponseCode();
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(String.format("no answer from the source for %d s",
                    readTimeoutMillis / 1000));
        }
        if (status == 200) {
            return new Body(0, c.getInputStream(), version(c));
        }
        if (status == 206) {
            return new Body(rangeStart(c, start), c.getInputStream(), version(c));
        }
        discardErrorBody(c);
        String msg = String.format("disk %d: HTTP %d from GET %s%s", index, status, shownUrl,
                ranged ? " (bytes " + start + "-" + (end - 1) + ")" : "");
        if (status >= 500) {
            throw new IOException(msg);
        }
        throw new AgentException(msg);
    }

    private static String version(HttpsURLConnection c) {
        String etag = c.getHeaderField("ETag");
        if (etag != null && !etag.isBlank()) {
            return "etag " + etag.trim();
        }
        String modified = c.getHeaderField("Last-Modified");
        return modified == null || modified.isBlank() ? null : "modified " + modified.trim();
    }

    private long rangeStart(HttpsURLConnection c, long asked) {
        String cr = c.getHeaderField("Content-Range");
        Matcher m = cr == null ? null : CONTENT_RANGE.matcher(cr.trim());
        if (m == null || !m.matches() || Long.parseLong(m.group(1)) != asked) {
            c.disconnect();
            throw new AgentException(String.format("disk %d: GET %s answered range '%s' to a request from byte %d",
                    index, shownUrl, cr, asked));
        }
        return asked;
    }

    /** Reading the (short) error page lets the connection be reused; a long one is cut off. */
    private static void discardErrorBody(HttpsURLConnection c) {
        try (InputStream err = c.getErrorStream()) {
            if (err != null) {
                err.readNBytes(64 << 10);
            }
        } catch (IOException ignored) {
            // the status is the message
        }
    }
}
