package org.zstack.test.integration.kernel

import org.zstack.core.db.DatabaseFacade
import org.zstack.header.cluster.ClusterVO
import org.zstack.header.zone.ZoneVO
import org.zstack.testlib.HttpResult
import org.zstack.testlib.TestNode

/** Helpers the kernel cases share: raw requests as a client sends them, and what every error answer must look like. */
class RestCaseSupport {
    /** The Gson default form ZStack's SDK reads: "Nov 25, 2026 11:26:06 PM". */
    static final String GSON_DATE = /^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/

    static String newJobUuid() {
        return UUID.randomUUID().toString().replace("-", "")
    }

    static Map<String, String> oauth(String session, Map<String, String> more = [:]) {
        return ["Authorization": "OAuth " + session, "X-JSON-Schema": "true"] + more
    }

    /** A first request as the SDK sends it: with a fresh X-Job-UUID unless the headers name one. */
    static HttpResult call(TestNode node, String session, String method, String path, Object body = null,
                           Map<String, String> headers = [:]) {
        Map<String, String> h = oauth(session, headers)
        if (!h.containsKey("X-Job-UUID")) {
            h["X-Job-UUID"] = newJobUuid()
        }
        return node.http(method, path, body, h)
    }

    /** An async API to its end: 202, then the poll's final answer. */
    static HttpResult callAndPoll(TestNode node, String session, String method, String path, Object body = null,
                                  Map<String, String> headers = [:]) {
        HttpResult accepted = call(node, session, method, path, body, headers)
        assert accepted.status == 202: accepted.toString()
        return node.poll(accepted)
    }

    /** A GET sent byte for byte, for request targets java.net.http refuses to send (broken percent-encoding). */
    static HttpResult rawGet(TestNode node, String target, Map<String, String> headers = [:]) {
        new Socket("127.0.0.1", node.port).withCloseable { s ->
            s.soTimeout = 10000
            StringBuilder req = new StringBuilder("GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${node.port}\r\nConnection: close\r\n")
            headers.each { k, v -> req.append("${k}: ${v}\r\n") }
            req.append("\r\n")
            s.outputStream.write(req.toString().getBytes("ISO-8859-1"))
            s.outputStream.flush()
            String all = s.inputStream.getText("UTF-8")
            int status = all.substring(9, 12) as int
            int sep = all.indexOf("\r\n\r\n")
            Map<String, List<String>> h = [:]
            all.substring(0, sep).split("\r\n").drop(1).each { line ->
                int c = line.indexOf(':')
                h.computeIfAbsent(line.substring(0, c).trim(), { [] }) << line.substring(c + 1).trim()
            }
            return new HttpResult(status: status, headers: h, text: all.substring(sep + 4))
        }
    }

    /** No stack trace, exception class or Java package ever reaches a client. */
    static void assertNoInternals(HttpResult r) {
        String t = r.text ?: ""
        assert !t.contains("Exception"): r.toString()
        assert !t.contains("at org."): r.toString()
        assert !t.contains("at java."): r.toString()
    }

    /** A ZStack error body {"error": {"code", "description", "details", ...}} with this status and code. */
    static Map assertError(HttpResult r, int status, String code) {
        assert r.status == status: r.toString()
        assert r.header("Content-Type")?.startsWith("application/json"): r.toString()
        assertNoInternals(r)
        Map error = r.json.error as Map
        assert error != null: r.toString()
        assert error.code == code: r.toString()
        assert error.description: r.toString()
        assert error.details: r.toString()
        return error
    }

    static long zoneCount(TestNode node) {
        return count(node, ZoneVO)
    }

    static long clusterCount(TestNode node) {
        return count(node, ClusterVO)
    }

    static long count(TestNode node, Class<?> vo) {
        return node.bean(DatabaseFacade).transaction { em ->
            em.createQuery("select count(v) from ${vo.simpleName} v".toString(), Long).singleResult
        } as long
    }
}
