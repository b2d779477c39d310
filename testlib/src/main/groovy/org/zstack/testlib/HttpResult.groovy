package org.zstack.testlib

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/** What a raw HTTP call answered: status, headers, the body as text, and as parsed JSON when it is JSON. */
class HttpResult {
    int status
    Map<String, List<String>> headers
    String text
    /** The headers the request was sent with: a poll of an async API presents the same Authorization. */
    Map<String, String> requestHeaders = [:]

    /** body: a Map (sent as JSON) or a String (sent as is). path: under baseUrl (.../zstack), e.g. "/v1/zones". */
    static HttpResult send(HttpClient client, String baseUrl, String method, String path, Object body = null,
                           Map<String, String> headers = [:]) {
        def b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        String text = body == null ? null : (body instanceof String ? body : JsonOutput.toJson(body))
        b.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text))
        if (text != null) {
            b.header("Content-Type", "application/json; charset=utf-8")
        }
        headers.each { k, v -> b.header(k, v) }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString())
        return new HttpResult(status: r.statusCode(), headers: r.headers().map(), text: r.body(), requestHeaders: headers)
    }

    Object getJson() {
        return text == null || text.isEmpty() ? null : new JsonSlurper().parseText(text)
    }

    String header(String name) {
        def e = headers.find { k, v -> k.equalsIgnoreCase(name) }
        return e == null ? null : e.value[0]
    }

    @Override
    String toString() {
        return "HTTP ${status}: ${text}"
    }
}
