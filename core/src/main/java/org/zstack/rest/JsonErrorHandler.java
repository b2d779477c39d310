package org.zstack.rest;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.zstack.core.Platform;
import org.zstack.header.errorcode.ErrorCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The answers Jetty makes itself, before the REST servlet runs (a URI or headers too large: 414/431, a request it
 * cannot parse: 400), carry ZStack's JSON error body like every other answer of the node, instead of Jetty's HTML
 * page or an empty body, whatever the client's Accept header says. A 4xx is SYS.1007 with Jetty's reason; a 5xx is
 * SYS.1000 and says nothing of the cause. A request in an HTTP version or transfer coding Jetty does not speak
 * (505, 501) is the client's malformed request: 400, so that only ZStack's own 503 is a 5xx.
 * {@link InServletContext} does the same for errors inside the servlet context (a servlet that fails).
 */
public class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
    private static final String JSON = "application/json; charset=utf-8";

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowOrigin(false);
    }

    /** Jetty writes a body only for GET, POST and HEAD: a refused PUT, DELETE or PATCH gets the same JSON. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        int status = code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 || code == HttpStatus.NOT_IMPLEMENTED_501 ? 400 : code;
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        boolean head = "HEAD".equals(request.getMethod());
        byte[] body = body(status, code == status ? message : HttpStatus.getMessage(code)).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }

    static String body(int code, String message) {
        return RestServer.errorBody(error(code, message));
    }

    static ErrorCode error(int code, String message) {
        String reason = HttpStatus.getMessage(code);
        if (code >= 500) {
            return Platform.inerr("the HTTP server failed on the request (%d %s); see the management node's log", code, reason);
        }
        String said = message == null || message.isBlank() || message.contains("Exception") || message.contains("\n")
                || message.length() > 200 ? reason : message;
        return Platform.argerr("the HTTP request was refused: %d %s", code, said.equals(reason) ? reason : reason + ": " + said);
    }

    /** The servlet context's handler (its own type in Jetty's ee11 layer), writing the same body. */
    public static class InServletContext extends org.eclipse.jetty.ee11.servlet.ErrorHandler {
        public InServletContext() {
            setShowStacks(false);
            setShowCauses(false);
            setShowOrigin(false);
            setDefaultResponseMimeType("application/json");
        }

        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                     List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
            // the negotiated type (text/html for a browser) is ignored: the node answers JSON only
            return super.generateAcceptableResponse(request, response, callback, "application/json",
                    List.of(StandardCharsets.UTF_8), code, message, cause);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(body(code, message));
        }
    }
}
