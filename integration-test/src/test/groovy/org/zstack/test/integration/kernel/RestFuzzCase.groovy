package org.zstack.test.integration.kernel

import groovy.json.JsonSlurper
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.rest.RestRouteTable
import org.zstack.sdk.CreateClusterAction
import org.zstack.sdk.CreateZoneAction
import org.zstack.testlib.HttpResult
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode

import java.nio.charset.StandardCharsets
import java.util.regex.Pattern

/**
 * At least 5,000 malformed requests (RestFuzzer, seeded) over every route of the node's route table. Each answer,
 * and each final answer of a job a request started, must be a ZStack answer: no 5xx but ZStack's 503 with an error
 * body (and no SYS.1000 internal error in it), no stack trace or exception class in any body, every error in
 * ZStack's JSON shape; and no row of any table may have changed, but in:
 * - AsyncRestVO (ApiJobVO): a request that passes parsing becomes an API job whose failure the client polls (the protocol);
 * - ManagementNodeVO: the node's heartbeat, which runs on its own during the case.
 * The test-only APIs of testlib (an echo told to crash) are left out, as ApiCoverageCase leaves them out.
 */
class RestFuzzCase {
    static final long SEED = 20261207L
    static final int REQUESTS = 5000
    static final Set<String> EXCLUDED_TABLES = ["ASYNCRESTVO", "MANAGEMENTNODEVO"] as Set
    /** A frame of a Java stack trace, or a class of exception: what a client must never see. */
    static final Pattern INTERNALS = ~/Exception\b|Throwable|\bat [\w$.]+\([\w$]+\.java(:\d+)?\)|\bjava\.lang\.|org\.eclipse\.jetty|com\.google\.gson/

    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    static class Counts {
        int requests, fiveXx, internals, internalErrors, notZStackShape, noAnswer, jobs, jobsFinished
        Map<Integer, Integer> statuses = new TreeMap<>()
        Map<String, Integer> byKind = new TreeMap<>()
        List<String> samples = []
        Set<String> seen = [] as Set

        /** One sample of each kind of problem (what, status, start of the body), at most 20. */
        void problem(String what, RestFuzzer.FuzzRequest q, int status, String body) {
            if (samples.size() < 20 && seen.add("${what} ${status} ${body?.take(40)}".toString())) {
                samples << "${what}: ${q.describe()} -> ${status} ${body?.take(300)}".toString()
            }
        }
    }

    @Test
    void malformedRequestsOverEveryRouteAreRefusedInZStacksFormAndChangeNothing() {
        String zone = new CreateZoneAction(name: "fuzz-zone", sessionId: session).call().throwExceptionIfError().value.inventory.uuid
        String cluster = new CreateClusterAction(name: "fuzz-cluster", zoneUuid: zone, hypervisorType: "KVM", sessionId: session)
                .call().throwExceptionIfError().value.inventory.uuid
        Map<String, String> existing = [zones: zone, zoneUuid: zone, clusters: cluster, clusterUuid: cluster]
        RestRouteTable table = node.bean(RestRouteTable)
        RestFuzzer fuzzer = new RestFuzzer(SEED, table, existing, session)
        long generating = System.currentTimeMillis()
        List<RestFuzzer.FuzzRequest> requests = fuzzer.generate(REQUESTS)
        println "RestFuzzCase: ${requests.size()} requests generated in ${System.currentTimeMillis() - generating} ms"
        assert requests.size() >= REQUESTS
        assert fuzzer.routes.size() > 80: "the route table has only ${fuzzer.routes.size()} routes"

        DatabaseSnapshot before = DatabaseSnapshot.take(node, EXCLUDED_TABLES)
        long start = System.currentTimeMillis()
        Counts c = new Counts()
        List<Map> accepted = []
        for (RestFuzzer.FuzzRequest q : requests) {
            c.requests++
            c.byKind.merge(q.kind, 1, Integer::sum)
            HttpResult r
            try {
                r = send(q)
            } catch (SocketTimeoutException e) {
                c.noAnswer++
                c.problem("no answer", q, 0, null)
                continue
            }
            c.statuses.merge(r.status, 1, Integer::sum)
            if (r.status == 0) {
                c.noAnswer++
                c.problem("no answer", q, 0, r.text)
                continue
            }
            judge(c, q, r)
            if (r.status == 202) {
                accepted << [q: q, location: locationOf(r)]
            }
        }
        // every job a request started ends, and ends as a ZStack answer
        for (Map a : accepted) {
            c.jobs++
            // a job's result is read only with the credential that submitted it
            Map<String, String> auth = a.q.headers.findAll { k, v -> k == "Authorization" }
            HttpResult done = node.poll(new HttpResult(status: 202, headers: [:], requestHeaders: auth,
                    text: '{"location":"' + a.location + '"}'), 30000)
            if (done.status != 202) {
                c.jobsFinished++
            }
            judge(c, (RestFuzzer.FuzzRequest) a.q, done)
        }
        long took = System.currentTimeMillis() - start
        DatabaseSnapshot after = DatabaseSnapshot.take(node, EXCLUDED_TABLES)
        List<String> changed = after.changedSince(before) as List<String>

        println """RestFuzzCase (seed ${SEED}): ${c.requests} malformed requests over ${fuzzer.routes.size()} routes in ${took} ms
  by kind: ${c.byKind}
  statuses: ${c.statuses}
  jobs started: ${c.jobs}, finished: ${c.jobsFinished}
  5xx other than ZStack's 503 errors = ${c.fiveXx}
  bodies with a stack trace or exception class name = ${c.internals}
  internal errors (SYS.1000) = ${c.internalErrors}
  errors not in ZStack's JSON shape = ${c.notZStackShape}
  requests without an answer = ${c.noAnswer}
  rows changed = ${changed.size()} ${changed} (tables compared: ${before.tables.size()}, excluded: ${EXCLUDED_TABLES})
${c.samples.collect { '  ' + it }.join('\n')}"""
        assert c.fiveXx == 0
        assert c.internals == 0
        assert c.internalErrors == 0
        assert c.notZStackShape == 0
        assert c.noAnswer == 0
        assert c.jobsFinished == c.jobs
        assert changed.isEmpty()
    }

    private static void judge(Counts c, RestFuzzer.FuzzRequest q, HttpResult r) {
        String body = r.text ?: ""
        Map json = null
        if (r.header("Content-Type")?.startsWith("application/json") && body) {
            try {
                Object o = new JsonSlurper().parseText(body)
                json = o instanceof Map ? (Map) o : null
            } catch (RuntimeException ignored) {
                // not JSON after all: counted below as not ZStack's shape
            }
        }
        boolean zstackError = json?.error instanceof Map && json.error.code && json.error.description
        if (r.status >= 500 && !(r.status == 503 && zstackError)) {
            c.fiveXx++
            c.problem("5xx", q, r.status, body)
        }
        if (INTERNALS.matcher(body).find()) {
            c.internals++
            c.problem("internals", q, r.status, body)
        }
        if (zstackError && json.error.code == "SYS.1000") {
            c.internalErrors++
            c.problem("SYS.1000", q, r.status, body)
        }
        // ZStack answers a missing Authorization header in plain text; a HEAD answer has no body
        boolean documentedPlain = r.status == 400 && body.contains("missing header 'Authorization'")
        if (r.status >= 400 && !zstackError && !documentedPlain && q.method != "HEAD") {
            c.notZStackShape++
            c.problem("shape", q, r.status, body)
        }
    }

    private static String locationOf(HttpResult r) {
        String location = (String) r.json.location
        return location
    }

    /** Byte for byte over a fresh connection: what java.net.http would refuse or rewrite is sent as written. */
    private static HttpResult send(RestFuzzer.FuzzRequest q) {
        byte[] bytes = q.raw
        if (bytes == null) {
            ByteArrayOutputStream o = new ByteArrayOutputStream()
            StringBuilder head = new StringBuilder("${q.method} /zstack${q.target} HTTP/1.1\r\nHost: 127.0.0.1:${node.port}\r\nConnection: close\r\n")
            q.headers.each { k, v -> head.append(k).append(": ").append(v).append("\r\n") }
            if (q.body != null) {
                head.append("Content-Type: application/json; charset=utf-8\r\nContent-Length: ${q.body.length}\r\n")
            }
            head.append("\r\n")
            o.write(head.toString().getBytes(StandardCharsets.UTF_8))
            if (q.body != null) {
                o.write(q.body)
            }
            bytes = o.toByteArray()
        }
        new Socket("127.0.0.1", node.port).withCloseable { s ->
            s.soTimeout = 5000
            try {
                s.outputStream.write(bytes)
                s.outputStream.flush()
                if (q.raw != null) {
                    // no more is coming: a request that declares more body than it has is answered now, not at a timeout
                    s.shutdownOutput()
                }
            } catch (IOException ignored) {
                // the server may answer and close before it has read everything (a 431 after the first 8 KiB)
            }
            byte[] all = readAll(s.inputStream)
            return parse(all)
        }
    }

    private static byte[] readAll(InputStream in) {
        ByteArrayOutputStream o = new ByteArrayOutputStream()
        byte[] buf = new byte[65536]
        try {
            int n
            while ((n = in.read(buf)) > 0) {
                o.write(buf, 0, n)
            }
        } catch (SocketException ignored) {
            // a reset after the answer (the server closed with unread input): what arrived is the answer
        }
        return o.toByteArray()
    }

    private static HttpResult parse(byte[] all) {
        String text = new String(all, StandardCharsets.ISO_8859_1)
        if (!text.startsWith("HTTP/1.1 ")) {
            return new HttpResult(status: 0, headers: [:], text: text)
        }
        int status = text.substring(9, 12) as int
        int sep = text.indexOf("\r\n\r\n")
        Map<String, List<String>> h = [:]
        text.substring(0, sep).split("\r\n").drop(1).each { line ->
            int i = line.indexOf(':')
            h.computeIfAbsent(line.substring(0, i).trim(), { [] }) << line.substring(i + 1).trim()
        }
        byte[] body = Arrays.copyOfRange(all, sep + 4, all.length)
        HttpResult r = new HttpResult(status: status, headers: h, text: null)
        if (r.header("Transfer-Encoding")?.equalsIgnoreCase("chunked")) {
            body = dechunk(body)
        }
        r.text = new String(body, StandardCharsets.UTF_8)
        return r
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream o = new ByteArrayOutputStream()
        int i = 0
        while (i < b.length) {
            int eol = i
            while (eol + 1 < b.length && !(b[eol] == (byte) 13 && b[eol + 1] == (byte) 10)) {
                eol++
            }
            String sizeLine = new String(b, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim()
            int size = sizeLine ? Integer.parseInt(sizeLine, 16) : 0
            if (size == 0) {
                break
            }
            o.write(b, eol + 2, Math.min(size, b.length - eol - 2))
            i = eol + 2 + size + 2
        }
        return o.toByteArray()
    }
}
