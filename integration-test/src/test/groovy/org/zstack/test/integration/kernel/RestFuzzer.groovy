package org.zstack.test.integration.kernel

import groovy.json.JsonOutput
import org.zstack.header.message.APIMessage
import org.zstack.header.message.APINoSee
import org.zstack.header.message.APIParam
import org.zstack.header.query.APIQueryMessage
import org.zstack.header.rest.HttpMethod
import org.zstack.rest.RestRoute
import org.zstack.rest.RestRouteTable

import java.lang.reflect.Field
import java.lang.reflect.Modifier
import java.lang.reflect.ParameterizedType
import java.nio.charset.StandardCharsets

/**
 * Malformed requests for every route of a node, from a seed: the same seed and route table give the same requests.
 * Every request is wrong in a way the node must refuse before anything runs (not JSON, lax JSON, wrong types,
 * unknown parameters, bad uuids, literal path segments, bad query strings, wrong methods, a body where none belongs,
 * oversized URLs and headers), or, for the long-but-within-bounds values, lacks a required parameter as well, so
 * that no request of the run may change a row. Path uuids are those of existing resources where the defect is in
 * the syntax (the request must still change nothing), random ones where the request reaches validation.
 */
class RestFuzzer {
    static class FuzzRequest {
        String kind
        String method
        /** under /zstack, already percent-encoded */
        String target
        Map<String, String> headers = [:]
        byte[] body
        /** the whole request, sent byte for byte over a socket (for what java.net.http refuses to send) */
        byte[] raw

        String describe() {
            String b = body == null ? "" : " body=" + new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8)
            return "${kind}: ${method} ${target.length() > 200 ? target.substring(0, 200) + '...' : target}${b}"
        }
    }

    static final List<String> KINDS = ["nonJson", "laxJson", "wrongTypes", "unknownParams", "longWithinBounds", "badUuid",
                                       "literalSegment", "badQuery", "wrongMethod", "httpLimits", "badHeaders"]
    static final List<String> UNKNOWN = ["descripton", "session", "headers", "id", "serviceId", "timeout", "createdTime",
                                         "requestIp", "__proto__", "constructor", "accountUuid", "x" * 300, "", "naMe"]

    final Random rnd
    final RestRouteTable table
    final List<RestRoute> routes
    final Map<String, String> existing
    final String session
    /** Every literal segment of every template: "zones", "actions", "kvm", "no-vlan"... */
    final List<String> literals
    private final Map<Class<?>, RestRoute> routeOf = [:]

    /**
     * existing: uuids of resources that exist, by the first path segment that names them ("zones") and by the
     * variable name ("zoneUuid").
     */
    RestFuzzer(long seed, RestRouteTable table, Map<String, String> existing, String session) {
        this.rnd = new Random(seed)
        this.table = table
        // sorted: the table's own order follows the classpath's
        this.routes = table.all().findAll { !it.apiClass.name.startsWith("org.zstack.testlib.") }
                .sort { a, b -> a.template <=> b.template ?: a.method <=> b.method ?: a.apiClass.name <=> b.apiClass.name }
        this.existing = existing
        this.session = session
        routes.each { routeOf.putIfAbsent(it.apiClass, it) }
        this.literals = routes.collectMany { it.template.split("/").findAll { s -> s && !s.startsWith("{") } as List }.unique().sort()
    }

    List<FuzzRequest> generate(int atLeast) {
        int perRoute = (int) Math.ceil(atLeast / (double) routes.size())
        List<FuzzRequest> ret = []
        routes.eachWithIndex { RestRoute r, int i ->
            for (int k = 0; k < perRoute; k++) {
                String kind = KINDS[(k + i) % KINDS.size()]
                FuzzRequest q = make(kind, r) ?: make("badUuid", r) ?: make("wrongMethod", r)
                ret << q
            }
        }
        return ret
    }

    private FuzzRequest make(String kind, RestRoute r) {
        switch (kind) {
            case "nonJson": return nonJson(r)
            case "laxJson": return laxJson(r)
            case "wrongTypes": return wrongTypes(r)
            case "unknownParams": return unknownParams(r)
            case "longWithinBounds": return longWithinBounds(r)
            case "badUuid": return badUuid(r)
            case "literalSegment": return literalSegment(r)
            case "badQuery": return badQuery(r)
            case "wrongMethod": return wrongMethod(r)
            case "httpLimits": return httpLimits(r)
            case "badHeaders": return badHeaders(r)
        }
        throw new IllegalArgumentException(kind)
    }

    // ---- the mutations ----

    private FuzzRequest nonJson(RestRoute r) {
        List<Object> bodies = ["not json", "<params><name>x</name></params>", "params=name&name=x", "{", "}", "{{}}",
                               "[", "[{\"params\": {}}]", "\"params\"", "42", "null", "true", "{\"params\": {\"name\": \"x\"",
                               "{\"params\":", "\u0000\u0001\u0002", "\uFEFF{}", "{\"params\" {}}", "{\"params\": {} ]",
                               bytes("{\"params\": {\"name\": \"", [0xC3, 0x28] as byte[], "\"}}"),
                               bytes("{\"params\": {\"name\": \"", [0xFF, 0xFE] as byte[], "\"}}"),
                               bytes("", [0xED, 0xA0, 0x80] as byte[], ""), randomAscii(1 + rnd.nextInt(200))]
        Object b = pick(bodies)
        return req("nonJson", bodyMethod(r), path(r, true), b instanceof byte[] ? b : ((String) b).getBytes(StandardCharsets.UTF_8))
    }

    private FuzzRequest laxJson(RestRoute r) {
        String json = JsonOutput.toJson(wrapped(r, baseParams(r.apiClass, 0)))
        List<Closure<String>> forms = [
                { String s -> s.replaceAll(/"(\w+)":/, '$1:') },
                { String s -> s.replace('"', "'") },
                { String s -> s.replaceFirst(/\{/, "{/* comment */") },
                { String s -> s + " // trailing comment" },
                { String s -> s.replaceFirst(/\{/, "{\"n\": NaN, ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": Infinity, ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": -Infinity, ") },
                { String s -> s.substring(0, s.length() - 1) + ",}" },
                { String s -> s + " {}" },
                { String s -> s + " x" },
                { String s -> s + s },
                { String s -> s.replaceFirst(/\{/, "{\"${key(r)}\": {}, ") },
                { String s -> s.replaceFirst(/\{"(\w+)":\{/, '{"$1":{"a":1,"a":2,') },
                { String s -> s.replaceFirst(/\{/, "{\"n\": 01, ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": +1, ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": .5, ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": 0x10, ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": 1e99999, ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": \"tab\there\", ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": \"\\x41\", ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\" = 1, ") },
                { String s -> s.replaceFirst(/\{/, "{\"n\": undefined, ") },
                { String s -> "[" * 70 + "]" * 70 },
                { String s -> "{\"a\":" * 70 + "1" + "}" * 70 },
        ]
        String body = pick(forms).call(json)
        return req("laxJson", bodyMethod(r), path(r, true), body.getBytes(StandardCharsets.UTF_8))
    }

    private FuzzRequest wrongTypes(RestRoute r) {
        Map<String, Object> params = baseParams(r.apiClass, 0)
        Map<String, Field> fields = clientFields(r.apiClass).findAll { !(it.key in r.variables) }
        String name = params.isEmpty() ? pick(["systemTags", "userTags"]) : pick(params.keySet() as List)
        Field f = fields[name]
        params[name] = wrongValueFor(f == null ? List : f.type)
        if (isBodyless(r)) {
            // a body where none belongs, wrongly typed as well
            return req("wrongTypes", r.method.name(), path(r, true), JsonOutput.toJson(params).getBytes(StandardCharsets.UTF_8))
        }
        return req("wrongTypes", r.method.name(), path(r, true), JsonOutput.toJson(wrapped(r, params)).getBytes(StandardCharsets.UTF_8))
    }

    private FuzzRequest unknownParams(RestRoute r) {
        String unknown = pick(UNKNOWN)
        if (isBodyless(r)) {
            String q = pick(["${enc(unknown)}=1", "session.uuid=${session}", "${enc(unknown)}=1&deleteMode=Permissive",
                             "uuid=${randomUuid()}&${enc(unknown)}=", "headers.x=1", "filterName=x", "conditions=name=x"])
            return req("unknownParams", r.method.name(), path(r, true) + "?" + q, null)
        }
        Map<String, Object> params = baseParams(r.apiClass, 0)
        Map body
        switch (rnd.nextInt(3)) {
            case 0:
                params[unknown] = pick(["x", 1, true, [:], []])
                body = wrapped(r, params)
                break
            case 1:
                body = wrapped(r, params)
                body[pick(["junk", "params2", "session", "uuid", "Params"])] = [name: "x"]
                break
            default:
                // inside a nested object when the API has one (a task's vms[0]), else beside the parameters
                String nested = params.find { k, v -> v instanceof List && v && v[0] instanceof Map }?.key
                if (nested) {
                    ((Map) params[nested][0])[unknown] = "x"
                } else {
                    params[unknown] = "x"
                }
                body = wrapped(r, params)
        }
        return req("unknownParams", r.method.name(), path(r, true), JsonOutput.toJson(body).getBytes(StandardCharsets.UTF_8))
    }

    /** Every string as long as its maxLength allows, tag lists at their bounds, and one required parameter left out. */
    private FuzzRequest longWithinBounds(RestRoute r) {
        if (isBodyless(r)) {
            if (APIQueryMessage.isAssignableFrom(r.apiClass)) {
                String v = enc(longString(2048))
                return req("longWithinBounds", "GET", path(r, false) + "?q=uuid=${v}&q=name~=${v}&limit=1000&start=0", null)
            }
            return req("longWithinBounds", r.method.name(), path(r, false) + "?deleteMode=" + enc(longString(2048)), null)
        }
        Map<String, Object> params = [:]
        Map<String, Field> fields = clientFields(r.apiClass).findAll { !(it.key in r.variables) }
        fields.each { name, f ->
            APIParam p = f.getAnnotation(APIParam)
            if (f.type == String && p != null && p.maxLength() > 0 && !p.validValues() && p.resourceType() == Object) {
                params[name] = longString(p.maxLength())
            } else {
                Object v = valueFor(f, 0)
                if (v != null) {
                    params[name] = v
                }
            }
        }
        // as many tags as allowed, one of them as long as allowed
        params.systemTags = [longString(2048)] + (1..rnd.nextInt(100)).collect { longString(1 + rnd.nextInt(64)) }
        params.userTags = (1..(1 + rnd.nextInt(100))).collect { longString(1 + rnd.nextInt(64)) }
        List<String> required = fields.findAll { n, f -> f.getAnnotation(APIParam)?.required() }.keySet() as List
        if (required) {
            params.remove(pick(required))
        } else {
            params[pick(UNKNOWN)] = "x"
        }
        return req("longWithinBounds", r.method.name(), path(r, false), JsonOutput.toJson(wrapped(r, params)).getBytes(StandardCharsets.UTF_8))
    }

    private FuzzRequest badUuid(RestRoute r) {
        List<String> uuidVars = r.variables.findAll { it == "uuid" || it.endsWith("Uuid") || it == "apiId" }
        List<String> bad = ["kvm", "nfs", "local-storage", "login", "actions", "no-vlan", "x" * 33, randomUuid().toUpperCase(),
                            randomUuid().substring(1), randomUuid() + "0", "00000000-0000-0000-0000-000000000000",
                            UUID.randomUUID().toString(), "%2e%2e", "%00", "%27%20OR%20%271%27%3D%271", "%20", enc("名字"),
                            "%2F", "null", "undefined", "0", "-1", "*", "%25"]
        if (uuidVars) {
            Map<String, String> vars = values(r, true)
            vars[pick(uuidVars)] = pick(bad)
            return guarded(req("badUuid", r.method.name(), fill(r, vars) + (r.method == HttpMethod.DELETE ? "?deleteMode=Permissive" : ""),
                    isBodyless(r) ? null : JsonOutput.toJson(wrapped(r, baseParams(r.apiClass, 0))).getBytes(StandardCharsets.UTF_8)))
        }
        // no uuid in the path: a uuid parameter of the body that is none
        Map<String, Field> resourceFields = clientFields(r.apiClass).findAll { n, f -> f.getAnnotation(APIParam)?.resourceType() != Object && f.type == String }
        if (!resourceFields || isBodyless(r)) {
            return null
        }
        Map<String, Object> params = baseParams(r.apiClass, 0)
        params[pick(resourceFields.keySet() as List)] = pick(["kvm", "x" * 32, randomUuid().toUpperCase(), "", "' OR '1'='1", "0" * 32])
        return req("badUuid", r.method.name(), path(r, false), JsonOutput.toJson(wrapped(r, params)).getBytes(StandardCharsets.UTF_8))
    }

    /** Another route's literal where a variable stands, or one more literal segment. */
    private FuzzRequest literalSegment(RestRoute r) {
        Map<String, String> vars = values(r, true)
        String target
        if (r.variables && rnd.nextBoolean()) {
            vars[pick(r.variables)] = pick(literals)
            target = fill(r, vars)
        } else {
            target = fill(r, vars) + "/" + pick(literals)
        }
        return guarded(req("literalSegment", r.method.name(), target,
                isBodyless(r) ? null : JsonOutput.toJson(wrapped(r, baseParams(r.apiClass, 0))).getBytes(StandardCharsets.UTF_8)))
    }

    /**
     * A literal or a bad uuid may happen to spell another route of the same method ("/l2-networks" + "/no-vlan"):
     * such a request gets an unknown parameter too, so that it is still refused.
     */
    private FuzzRequest guarded(FuzzRequest q) {
        String inner = q.target.substring("/v1".length()).replaceFirst(/\?.*$/, "")
        if (!table.find(inner).any { it.route().method.name() == q.method }) {
            return q
        }
        if (q.body == null) {
            q.target += (q.target.contains("?") ? "&" : "?") + "junk=1"
        } else {
            q.body = ("{\"junk\": 1, " + new String(q.body, StandardCharsets.UTF_8).substring(1)).getBytes(StandardCharsets.UTF_8)
        }
        return q
    }

    private FuzzRequest badQuery(RestRoute r) {
        if (APIQueryMessage.isAssignableFrom(r.apiClass)) {
            List<String> qs = ["q=name", "q=", "q==x", "q=nosuch=1", "q=name~=%25%25", "limit=-1", "limit=abc",
                               "limit=99999999999", "start=-5", "start=1.5", "count=maybe", "replyWithCount=2", "sort=%2Bnosuch",
                               "sort=", "sort=-", "fields=nosuch", "fields=,,,", "groupBy=nosuch", "q=uuid?=", "q=uuid!?=,,",
                               "q=createDate>notadate", "q=createDate<99999999999999999999", "q=" + "a" * 2000 + "=1",
                               "a=1&&&b", "=x", "q=name is nul", "q=zone.zone.zone.name=x", "q=name=x&q=name!=x&q=name>x",
                               "q=uuid=%27%20OR%201%3D1", "limit=0&start=2147483647", "replyWithCount=true&count=true&limit=0"]
            String q = pick(qs)
            return req("badQuery", "GET", path(r, true) + "?" + q, null)
        }
        if (isBodyless(r)) {
            String q = pick(["deleteMode=Sometimes", "deleteMode=", "deleteMode=Permissive&deleteMode=Enforcing",
                             "systemTags=", "deleteMode=enforcing", "&&&", "=", "deleteMode"])
            return req("badQuery", r.method.name(), path(r, false) + "?" + q, null)
        }
        // a query string on a POST or PUT is read by no one: refused
        return req("badQuery", r.method.name(), path(r, true) + "?" + pick(["name=x", "deleteMode=Permissive", "q=name=x", "x"]),
                JsonOutput.toJson(wrapped(r, baseParams(r.apiClass, 0))).getBytes(StandardCharsets.UTF_8))
    }

    private FuzzRequest wrongMethod(RestRoute r) {
        String p = path(r, true)
        String inner = p.substring("/v1".length())
        Set<String> taken = table.find(inner).collect { it.route().method.name() } as Set
        List<String> methods = ["PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "GET", "POST", "PUT", "DELETE"].findAll { !(it in taken) }
        String m = pick(methods)
        byte[] body = m in ["POST", "PUT", "PATCH", "FOO"] ? JsonOutput.toJson(wrapped(r, baseParams(r.apiClass, 0))).getBytes(StandardCharsets.UTF_8) : null
        return req("wrongMethod", m, p, body)
    }

    /** What Jetty refuses before any servlet: too long a URL, too large headers, requests it cannot parse. */
    private FuzzRequest httpLimits(RestRoute r) {
        // random uuids and an unknown parameter: should Jetty let one of these through, it is still refused
        String p = "/zstack" + path(r, false) + "?junk=1"
        String auth = "Authorization: OAuth ${session}\r\n"
        List<Closure<String>> heads = [
                { "GET ${p}&q=name=${'a' * (9000 + rnd.nextInt(60000))} HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "${r.method} ${p.replace('?', '/' + 'b' * (9000 + rnd.nextInt(20000)) + '?')} HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}X-Big: ${'c' * (9000 + rnd.nextInt(30000))}\r\n" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}" + (1..300).collect { "X-H${it}: ${'d' * 60}\r\n" }.join("") },
                { "${r.method} ${p} HTTP/1.1 extra\r\nHost: x\r\n${auth}" },
                { "${r.method}\t${p} HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "G@T ${p} HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "${r.method} ${p} HTTP/3.7\r\nHost: x\r\n${auth}" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}No colon here\r\n" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}X-Bad: a\u0000b\r\n" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: -1\r\n" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: abc\r\n" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}Content-Length: 2\r\nContent-Length: 3\r\n" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0" },
                { "${r.method} ${p} HTTP/1.1\r\nHost: x\r\n${auth}Transfer-Encoding: gzip\r\n" },
                { "${r.method} ${p} HTTP/1.1\r\n${auth}" },
                { "${r.method} /zstack/v1/%zz HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "${r.method} ${p}&q=%zz HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "${r.method} /zstack/v1/../../etc/passwd HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "${r.method} /zstack/v1/zones/%2e%2e/%2e%2e HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n${auth}" },
                { "${r.method} http://evil.example${p} HTTP/1.1\r\nHost: x\r\n${auth}" },
        ]
        String head = pick(heads).call()
        if (!head.contains("\r\n\r\n")) {
            head += "Connection: close\r\n\r\n"
        }
        FuzzRequest q = req("httpLimits", head.substring(0, Math.max(0, head.indexOf(' '))), p.substring("/zstack".length()), null)
        q.raw = head.getBytes(StandardCharsets.ISO_8859_1)
        return q
    }

    private FuzzRequest badHeaders(RestRoute r) {
        byte[] body = isBodyless(r) ? null : "{bad: 'json'}".getBytes(StandardCharsets.UTF_8)
        String p = path(r, body == null ? false : true)
        Map<String, String> h = pick([
                ["X-Job-UUID": "../../etc/passwd"], ["X-Job-UUID": randomUuid().toUpperCase()], ["X-Job-UUID": "x" * 4000],
                ["X-API-Timeout": "soon"], ["X-API-Timeout": "99999999999999999999"], ["X-API-Timeout": "9223372036854775807"],
                ["X-API-Timeout": "1e3"], ["Authorization": "OAuth"], ["Authorization": "OAuth " + "x" * 3000],
                ["Authorization": "ZStack abc"], ["Authorization": "ZStack a:b", "Date": "yesterday"],
                ["Authorization": "Basic YWRtaW46cGFzc3dvcmQ="], ["Authorization": "Bearer ${session}"],
                ["Content-Type": "text/xml"], ["Content-Type": "application/json; charset=latin-1"],
                ["X-Web-Hook": "http://127.0.0.1:1/hook"], ["X-Request-Ip": "x" * 300], ["X-JSON-Schema": "maybe"]])
        if (body == null && !(h.containsKey("X-Job-UUID") || h.containsKey("X-API-Timeout") || h.containsKey("Authorization"))) {
            // a bodyless request needs a defect of its own: an unknown parameter
            p += "?junk=1"
        }
        FuzzRequest q = req("badHeaders", r.method.name(), p, body)
        q.headers.putAll(h)
        return q
    }

    // ---- building blocks ----

    private FuzzRequest req(String kind, String method, String target, byte[] body) {
        FuzzRequest q = new FuzzRequest(kind: kind, method: method, target: target, body: body)
        q.headers["Authorization"] = "OAuth " + session
        q.headers["X-Job-UUID"] = randomUuid()
        q.headers["X-JSON-Schema"] = "true"
        return q
    }

    private static boolean isBodyless(RestRoute r) {
        return r.method == HttpMethod.GET || r.method == HttpMethod.DELETE
    }

    private static String bodyMethod(RestRoute r) {
        return r.method.name()
    }

    private static String key(RestRoute r) {
        return r.bodyKey() ?: "params"
    }

    private static Map wrapped(RestRoute r, Map<String, Object> params) {
        return isBodyless(r) ? params : [(key(r)): params]
    }

    /** The route's path under /zstack with its variables filled: existing uuids if asked and known, else random. */
    private String path(RestRoute r, boolean existingUuids) {
        return fill(r, values(r, existingUuids))
    }

    private Map<String, String> values(RestRoute r, boolean existingUuids) {
        Map<String, String> ret = [:]
        String first = r.template.split("/")[1]
        for (String v : r.variables) {
            if (v == "sessionUuid") {
                ret[v] = randomUuid() // never the case's own session: a logout would end the run
            } else if (v == "uuid" || v.endsWith("Uuid") || v == "apiId") {
                String known = v == "uuid" ? existing[first] : existing[v]
                ret[v] = existingUuids && known ? known : randomUuid()
            } else if (v == "category") {
                ret[v] = "identity"
            } else if (v == "name") {
                ret[v] = "session.timeout"
            } else if (v == "ip") {
                ret[v] = "10.0.0.1"
            } else {
                ret[v] = "x"
            }
        }
        return ret
    }

    private static String fill(RestRoute r, Map<String, String> vars) {
        String p = r.template
        vars.each { k, v -> p = p.replace("{" + k + "}", v) }
        return "/v1" + p
    }

    /** Type-correct values for the API's parameters (not its path variables), uuids of nothing. */
    private Map<String, Object> baseParams(Class<?> clz, int depth) {
        Map<String, Object> ret = [:]
        RestRoute route = routeOf[clz]
        clientFields(clz).each { name, f ->
            if (route != null && name in route.variables) {
                return
            }
            if (name in ["systemTags", "userTags", "resourceUuid", "tagUuids"]) {
                return
            }
            Object v = valueFor(f, depth)
            if (v != null) {
                ret[name] = v
            }
        }
        return ret
    }

    private Object valueFor(Field f, int depth) {
        APIParam p = f.getAnnotation(APIParam)
        Class<?> t = f.type
        if (t == String) {
            if (p?.validValues()) {
                return p.validValues()[0]
            }
            return p != null && p.resourceType() != Object ? randomUuid() : "fuzz"
        }
        if (t in [Integer, int, Long, long, Short, short]) {
            return p?.numberRange()?.length == 2 ? p.numberRange()[0] : 1
        }
        if (t in [Boolean, boolean]) {
            return false
        }
        if (List.isAssignableFrom(t) || Set.isAssignableFrom(t)) {
            Class<?> e = f.genericType instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) f.genericType).actualTypeArguments[0] : String
            if (e == String) {
                return [p != null && p.resourceType() != Object ? randomUuid() : "fuzz"]
            }
            return depth > 2 ? [] : [baseParams(e, depth + 1)]
        }
        if (Map.isAssignableFrom(t)) {
            return [k: "v"]
        }
        if (!t.name.startsWith("java.") && !t.isEnum() && !t.isPrimitive() && depth <= 2) {
            return baseParams(t, depth + 1)
        }
        return null
    }

    private Object wrongValueFor(Class<?> t) {
        if (t == String) {
            return pick([5, true, [], [a: 1], 1.5, -0, 1e30])
        }
        if (t in [Integer, int, Long, long]) {
            return pick(["5", 1.5, true, [], [a: 1], 1e30, new BigInteger("99999999999999999999"), "", "NaN"])
        }
        if (t in [Boolean, boolean]) {
            return pick(["yes", 1, 0, "", [], "TRUE ", [a: 1]])
        }
        if (List.isAssignableFrom(t) || Set.isAssignableFrom(t)) {
            return pick(["x", [a: 1], 5, [[1]], [1, 2], [[a: 1]], true])
        }
        return pick(["x", [1], 5, true])
    }

    /** The fields a client may send: what the REST server's RequestFields takes. */
    static Map<String, Field> clientFields(Class<?> clz) {
        return FIELDS.computeIfAbsent(clz, { collectFields(it) })
    }

    private static final Map<Class<?>, Map<String, Field>> FIELDS = new java.util.concurrent.ConcurrentHashMap<>()

    private static Map<String, Field> collectFields(Class<?> clz) {
        Map<String, Field> ret = new TreeMap<>()
        for (Class<?> c = clz; c != null && c != Object; c = c.superclass) {
            for (Field f : c.declaredFields) {
                int m = f.modifiers
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.synthetic || f.isAnnotationPresent(APINoSee)
                        || f.name.startsWith('$') || f.name == "metaClass") {
                    continue
                }
                ret.putIfAbsent(f.name, f)
            }
        }
        return ret
    }

    private <T> T pick(List<T> l) {
        return l[rnd.nextInt(l.size())]
    }

    private String randomUuid() {
        return String.format("%016x%016x", rnd.nextLong(), rnd.nextLong())
    }

    private String randomAscii(int n) {
        StringBuilder b = new StringBuilder()
        n.times { b.append((char) (32 + rnd.nextInt(95))) }
        return b.toString()
    }

    /** n characters, ASCII or not (é is 2 bytes in UTF-8, 名 is 3): a length bound is in characters. */
    private String longString(int n) {
        String c = pick(["a", "é", "名", "<", "'", "\\", "%"])
        return c * n
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream o = new ByteArrayOutputStream()
        o.write(before.getBytes(StandardCharsets.UTF_8))
        o.write(middle)
        o.write(after.getBytes(StandardCharsets.UTF_8))
        return o.toByteArray()
    }
}
