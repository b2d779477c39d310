package org.zstack.v2v.agent.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTPS server on 127.0.0.1 serving files as a datastore's {@code /folder} URL or a flat NFC export does:
 * GET with {@code Range: bytes=a-b}. It can demand a cookie, slow down, stall once, or ignore Range, and counts
 * what it served, so tests can check how much a transfer read.
 */
public final class RangeFileServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    static {
        // without TCP_NODELAY the JDK server holds the last segment of each response until the client's delayed
        // ACK comes, some 40 ms per request: Range reads would measure that, not the transfer. Read once, when the
        // JVM's first HttpServer starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "range-file-server");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong bytesServed = new AtomicLong();
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private volatile String requiredCookie;
    private volatile long bytesPerSecond;
    private volatile long stallAfterBytes = -1;
    private volatile boolean ignoreRange;
    private volatile String etag;

    public RangeFileServer(SelfSignedCert cert) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
        server.setExecutor(threads);
        server.start();
    }

    /** Serves {@code file} at {@code /<name>}; answers the URL. */
    public String serve(String name, Path file) {
        server.createContext("/" + name, ex -> handle(ex, file));
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
    }

    /** Requests without exactly this Cookie header get 403. */
    public RangeFileServer requireCookie(String cookie) {
        this.requiredCookie = cookie;
        return this;
    }

    /** Sends at about this rate (0: as fast as it can). */
    public RangeFileServer throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        return this;
    }

    /** The next response stops sending (without closing) after this many bytes; later ones are normal. */
    public RangeFileServer stallOnceAfter(long bytes) {
        this.stallAfterBytes = bytes;
        return this;
    }

    /** Answers with this ETag (null: none), as a server naming its resource's version does. */
    public RangeFileServer etag(String etag) {
        this.etag = etag;
        return this;
    }

    public RangeFileServer ignoreRange(boolean ignore) {
        this.ignoreRange = ignore;
        return this;
    }

    public long bytesServed() {
        return bytesServed.get();
    }

    /** The Range headers received, "-" for a request without one. */
    public List<String> ranges() {
        return ranges;
    }

    private void handle(HttpExchange ex, Path file) throws IOException {
        try (ex; FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (requiredCookie != null && !requiredCookie.equals(ex.getRequestHeaders().getFirst("Cookie"))) {
                ex.sendResponseHeaders(403, -1);
                return;
            }
            long size = ch.size();
            if (etag != null) {
                ex.getResponseHeaders().set("ETag", etag);
            }
            long start = 0;
            long end = size;
            String range = ex.getRequestHeaders().getFirst("Range");
            ranges.add(range == null ? "-" : range);
            Matcher m = range == null || ignoreRange ? null : RANGE.matcher(range);
            if (m != null && m.matches()) {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size : Math.min(size, Long.parseLong(m.group(2)) + 1);
                if (start >= size) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (end - 1) + "/" + size);
                ex.sendResponseHeaders(206, end - start);
            } else {
                ex.sendResponseHeaders(200, size);
            }
            send(ex.getResponseBody(), ch, start, end);
        }
    }

    private void send(OutputStream out, FileChannel ch, long start, long end) throws IOException {
        long stall = stallAfterBytes;
        stallAfterBytes = -1;
        ByteBuffer buf = ByteBuffer.allocate(256 << 10);
        long sent = 0;
        long t0 = System.nanoTime();
        for (long pos = start; pos < end; ) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
            if (stall >= 0 && sent >= stall) {
                out.flush();
                sleep(600_000);
                return;
            }
            int n = ch.read(buf, pos);
            out.write(buf.array(), 0, n);
            pos += n;
            sent += n;
            bytesServed.addAndGet(n);
            long rate = bytesPerSecond;
            if (rate > 0) {
                long due = t0 + (long) (sent * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(wait / 1_000_000);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
