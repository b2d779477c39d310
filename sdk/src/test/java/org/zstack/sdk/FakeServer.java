package org.zstack.sdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A scripted HTTP server on 127.0.0.1 that records every request the SDK sends. */
final class FakeServer implements AutoCloseable {
    record Request(String method, String path, String rawQuery, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        /** Decoded values of a query parameter, in order. */
        List<String> query(String name) {
            List<String> values = new ArrayList<>();
            if (rawQuery == null) {
                return values;
            }
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                    values.add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            return values;
        }
    }

    record Reply(int status, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Reply> responder = r -> new Reply(200, "{}");
    private final HttpServer server;

    FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void respond(Function<Request, Reply> responder) {
        this.responder = responder;
    }

    int port() {
        return server.getAddress().getPort();
    }

    ZSConfig.Builder configBuilder() {
        return new ZSConfig.Builder().setHostname("127.0.0.1").setPort(port())
                .setDefaultPollingInterval(10, TimeUnit.MILLISECONDS);
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body);
        requests.add(req);
        Reply reply = responder.apply(req);
        byte[] out = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
