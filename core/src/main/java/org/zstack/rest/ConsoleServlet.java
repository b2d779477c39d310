package org.zstack.rest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console (module ui/) at "/", from the classpath folder zstack-ui/ of its jar: index.html for "/" and for
 * any path without a file extension, never cached; the bundler's content-hashed files under /assets/ cached for a
 * year. The API stays at /zstack/*, which Jetty maps before this default servlet. The ui build writes a .br and a .gz
 * copy next to each text file: a browser that accepts one gets it (brotli first), so nothing is compressed per request.
 */
public class ConsoleServlet extends HttpServlet {
    static final String ROOT = "zstack-ui";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"), Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"), Map.entry("txt", "text/plain; charset=utf-8"));

    /** The precompressed copies the ui build writes, in the order they are preferred: encoding, file suffix. */
    private static final String[][] ENCODINGS = {{"br", ".br"}, {"gzip", ".gz"}};

    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse rsp) throws IOException {
        if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
            rsp.setHeader("Allow", "GET, HEAD");
            refuse(rsp, 405, "method not allowed");
            return;
        }
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            refuse(rsp, 400, "bad path");
            return;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        boolean page = path.equals("/") || path.isEmpty() || !last.contains(".");
        String name = page ? "/index.html" : path;
        byte[] body = read(name);
        if (body == null) {
            refuse(rsp, 404, page ? "the web console is not built into this management node (module ui)" : "no such file " + path);
            return;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String encoding = null;
        for (String[] e : ENCODINGS) {
            byte[] packed = accepts(req, e[0]) ? read(name + e[1]) : null;
            if (packed != null) {
                body = packed;
                encoding = e[0];
                break;
            }
        }
        rsp.setStatus(200);
        // a cache keeps one copy per encoding
        rsp.setHeader("Vary", "Accept-Encoding");
        if (encoding != null) {
            rsp.setHeader("Content-Encoding", encoding);
        }
        rsp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        rsp.setHeader("Cache-Control", name.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.setContentLength(body.length);
        if (req.getMethod().equals("GET")) {
            rsp.getOutputStream().write(body);
        }
    }

    private byte[] read(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = ConsoleServlet.class.getClassLoader().getResourceAsStream(ROOT + n)) {
                return Optional.ofNullable(in == null ? null : in.readAllBytes());
            } catch (IOException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** Whether the request's Accept-Encoding lists this encoding without refusing it (q=0). */
    static boolean accepts(HttpServletRequest req, String encoding) {
        String header = req.getHeader("Accept-Encoding");
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equalsIgnoreCase(encoding)) {
                return p.length < 2 || !p[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    /** A refusal in ZStack's JSON error body, as every other error of the node (a client may hit these paths too). */
    private static void refuse(HttpServletResponse rsp, int status, String text) throws IOException {
        rsp.setStatus(status);
        rsp.setContentType("application/json; charset=utf-8");
        rsp.getOutputStream().write(RestServer.errorBody(org.zstack.core.Platform.argerr("%s", text)).getBytes(StandardCharsets.UTF_8));
    }
}
