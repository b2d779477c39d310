package org.zstack.agent.testsupport;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the management node's HTTP endpoints (async callback, sendcommand): a real HTTP server on
 * 127.0.0.1 that records every POST it receives, and can be told to fail the next N of them.
 */
public final class FakeNode implements AutoCloseable {
    public record Received(String path, String taskUuid, String commandPath, String contentType, String body) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger failNext = new AtomicInteger();

    public FakeNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("taskuuid"),
                    ex.getRequestHeaders().getFirst("commandpath"), ex.getRequestHeaders().getFirst("Content-Type"), body));
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void failNext(int n) {
        failNext.set(n);
    }

    /** The next received request, or an AssertionError after the timeout. */
    public Received next(long timeoutMs) throws InterruptedException {
        Received r = received.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("the fake node received nothing within " + timeoutMs + " ms");
        }
        return r;
    }

    public Received poll(long timeoutMs) throws InterruptedException {
        return received.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
