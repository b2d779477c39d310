package org.zstack.testlib

import groovy.json.JsonSlurper

/** What a raw HTTP call answered: status, headers, the body as text, and as parsed JSON when it is JSON. */
class HttpResult {
    int status
    Map<String, List<String>> headers
    String text
    /** The headers the request was sent with: a poll of an async API presents the same Authorization. */
    Map<String, String> requestHeaders = [:]

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
