package org.zstack.test.integration.kernel

import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.sdk.CreateZoneAction
import org.zstack.testlib.HttpResult
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode

import static org.zstack.test.integration.kernel.RestCaseSupport.*

/**
 * What a client gets for input that is wrong: the status the protocol names, ZStack's error body with the right
 * code, no stack trace or exception name, and no change in the database.
 */
class BadInputCase {
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    static String zoneUuid
    private long zonesBefore
    private long clustersBefore

    @BeforeAll
    static void boot() {
        zoneUuid = new CreateZoneAction(name: "bad-input-zone", sessionId: session).call().throwExceptionIfError().value.inventory.uuid
    }

    @BeforeEach
    void countBefore() {
        zonesBefore = zoneCount(node)
        clustersBefore = clusterCount(node)
    }

    /** Every test here is refused: nothing may have been created, changed or deleted. */
    @AfterEach
    void nothingChanged() {
        assert zoneCount(node) == zonesBefore
        assert clusterCount(node) == clustersBefore
        Map zone = node.http("GET", "/v1/zones/${zoneUuid}", null, oauth(session)).json.inventories[0]
        assert zone.name == "bad-input-zone"
        assert zone.state == "Enabled"
        assert zone.description == null
    }

    private static Map refusedByPoll(String method, String path, Object body) {
        HttpResult accepted = call(node, session, method, path, body)
        assert accepted.status == 202: accepted.toString()
        return assertError(node.poll(accepted), 503, "SYS.1007")
    }

    @Test
    void malformedJsonIs400WithZStacksErrorBody() {
        List<String> bodies = [
                '{"params": {"name": "x"',
                '{"params": {"name": }}',
                '{"params": {"name": "x"}} {"params": {}}',
                '{"params": {"name": "x",,}}',
                '{"params": {"name": "\\uZZZZ"}}',
                'not json at all {',
                '[{"params": {"name": "x"}}]',
                '"params"',
                '{"params": "name=x"}',
                '{"params": [1, 2]}',
                '[' * 100000,
                '{"params": ' * 5000 + '{}' + '}' * 5000,
        ]
        for (String body : bodies) {
            HttpResult r = call(node, session, "POST", "/v1/zones", body)
            Map error = assertError(r, 400, "SYS.1007")
            assert !error.details.contains("gson"): r.toString()
        }
        // the same for an action and for login
        assertError(call(node, session, "PUT", "/v1/zones/${zoneUuid}/actions", '{"updateZone": {"name": "y"'), 400, "SYS.1007")
        assertError(node.http("PUT", "/v1/accounts/login", '{"logInByAccount": {"accountName": "admin", "password": '), 400, "SYS.1007")
    }

    /** What Gson's lax parser took and carried out (a zone was created from each of these): RFC 8259 only now. */
    @Test
    void laxJsonIsRefusedNotCarriedOut() {
        List<String> bodies = [
                '{params: {name: "lax"}}',
                "{'params': {'name': 'lax'}}",
                '{"params": {"name": "lax"} /* comment */}',
                '{"params": {"name": "lax"}} // comment',
                '{"params": {"name": "lax", "n": NaN}}',
                '{"params": {"name": "lax", "n": Infinity}}',
                '{"params": {"name": "lax"}} trailing',
                '{"params": {"name": "lax", "name": "twice"}}',
                '{"params": {"name": "lax"}, "params": {"name": "again"}}',
                '{"params": {"name": "lax",}}',
        ]
        for (String body : bodies) {
            Map error = assertError(call(node, session, "POST", "/v1/zones", body), 400, "SYS.1007")
            assert error.details.contains("JSON"): error
        }
        // (bytes that are not UTF-8 are refused too: RestFuzzCase sends them raw, java.net.http sends only UTF-8)
    }

    @Test
    void unknownParametersAndBodiesWhereNoneBelongAreRefused() {
        for (Map body : [[params: [name: "u", descripton: "typo"]], [params: [name: "u"], junk: 1], [parms: [name: "u"]]]) {
            Map error = assertError(call(node, session, "POST", "/v1/zones", body), 400, "SYS.1007")
            assert error.details.contains("unknown"): error
        }
        assertError(call(node, session, "GET", "/v1/zones?filterName=x"), 400, "SYS.1007")
        assertError(call(node, session, "POST", "/v1/zones?name=u", [params: [name: "u"]]), 400, "SYS.1007")
        // a DELETE with a body deleted all the same, the body dropped unread
        assertError(call(node, session, "DELETE", "/v1/zones/${zoneUuid}", '{"junk": true}'), 400, "SYS.1007")
        assertError(call(node, session, "DELETE", "/v1/zones/${zoneUuid}?deleteMode=Permissive&junk=1"), 400, "SYS.1007")
    }

    @Test
    void aLiteralPathIsNoUuid() {
        HttpResult hosts = call(node, session, "GET", "/v1/hosts/kvm")
        assertError(hosts, 405, "SYS.1007")
        assert hosts.header("Allow") == "POST"
        HttpResult nfs = call(node, session, "DELETE", "/v1/primary-storage/nfs")
        assertError(nfs, 405, "SYS.1007")
        assert nfs.header("Allow") == "POST"
        for (String bad : ["ZONE", zoneUuid.toUpperCase(), zoneUuid.substring(1), UUID.randomUUID().toString()]) {
            Map error = assertError(call(node, session, "GET", "/v1/zones/${bad}"), 404, "SYS.1007")
            assert error.details.contains("32 lowercase hex"): error
        }
    }

    @Test
    void tagListsAreBoundedNotDropped() {
        assert refusedByPoll("POST", "/v1/zones", [params: [name: "tags", systemTags: ["t" * (1024 * 1024)]]]).details.contains("systemTags")
        assert refusedByPoll("POST", "/v1/zones", [params: [name: "tags", userTags: (1..101).collect { "u${it}" }]]).details.contains("userTags")
        assert refusedByPoll("POST", "/v1/zones", [params: [name: "tags", resourceUuid: "not-a-uuid"]]).details.contains("resourceUuid")
    }

    @Test
    void jettysOwnRefusalsAreZStackErrors() {
        Map<String, String> auth = ["Authorization": "OAuth " + session]
        assertError(rawGet(node, "/zstack/v1/zones?q=name=" + "a" * 20000, auth), 414, "SYS.1007")
        assertError(rawGet(node, "/zstack/v1/zones", auth + ["X-Big": "b" * 20000]), 431, "SYS.1007")
    }

    @Test
    void wronglyTypedFieldsAre400() {
        List<Map> params = [
                [name: [first: "a"]],
                [name: ["a", "b"]],
                [name: "typed", isDefault: "abc"],
                [name: "typed", isDefault: 3],
                [name: "typed", isDefault: [true]],
                [name: "typed", systemTags: "not-a-list"],
                [name: "typed", systemTags: [[a: 1]]],
                // Gson turned these into the string "5" and the name "true"
                [name: 5],
                [name: true],
                [name: "typed", systemTags: [1, 2]],
        ]
        for (Map p : params) {
            HttpResult r = call(node, session, "POST", "/v1/zones", [params: p])
            Map error = assertError(r, 400, "SYS.1007")
            assert error.details.contains("APICreateZoneMsg") || error.details.contains("name") || error.details.contains("isDefault") ||
                    error.details.contains("systemTags"): r.toString()
        }
        assertError(call(node, session, "PUT", "/v1/zones/${zoneUuid}/actions", [updateZone: [name: [1]]]), 400, "SYS.1007")
        assertError(call(node, session, "PUT", "/v1/zones/${zoneUuid}/actions", [changeZoneState: "disable"]), 400, "SYS.1007")
    }

    @Test
    void anUnknownPathIs404WithAnErrorBody() {
        for (String path : ["/v1/no-such-things", "/v1/zones/${zoneUuid}/no-such-part", "/v1/zones/a/b/c/d", "/v1/",
                            "/v2/zones", "/", "/v1/zones${'/x' * 300}"]) {
            assertError(node.http("GET", path, null, oauth(session)), 404, "SYS.1007")
        }
        assertError(call(node, session, "POST", "/v1/no-such-things", [params: [name: "x"]]), 404, "SYS.1007")
        HttpResult job = node.http("GET", "/v1/api-jobs/not-a-job", null, oauth(session))
        assert job.status == 404
        assertNoInternals(job)
    }

    @Test
    void aKnownPathWithTheWrongMethodIs405() {
        Map<String, String> cases = [
                "DELETE": "/v1/zones",
                "PUT"   : "/v1/zones",
                "POST"  : "/v1/zones/${zoneUuid}".toString(),
                "GET"   : "/v1/zones/${zoneUuid}/actions".toString(),
                "PATCH" : "/v1/zones/${zoneUuid}".toString(),
        ]
        cases.each { method, path ->
            HttpResult r = call(node, session, method, path, method in ["POST", "PUT", "PATCH"] ? [params: [name: "m"]] : null)
            assertError(r, 405, "SYS.1007")
            assert r.header("Allow"): "${method} ${path}: ${r}"
        }
        HttpResult r = call(node, session, "DELETE", "/v1/zones")
        assert r.header("Allow").split(",")*.trim().toSet() == ["GET", "POST"] as Set
    }

    @Test
    void aMissingRequiredFieldIsSys1007ThroughThePoll() {
        assert refusedByPoll("POST", "/v1/zones", [params: [description: "no name"]]).details.contains("name")
        assert refusedByPoll("POST", "/v1/zones", [params: [name: null]]).details.contains("name")
        assert refusedByPoll("POST", "/v1/zones", [params: [name: "   "]]).details.contains("name")
        assert refusedByPoll("POST", "/v1/zones", [:]).details.contains("name")
        assert refusedByPoll("POST", "/v1/zones", "").details.contains("name")
        assert refusedByPoll("POST", "/v1/clusters", [params: [name: "c", hypervisorType: "KVM"]]).details.contains("zoneUuid")
        assert refusedByPoll("POST", "/v1/clusters", [params: [name: "c", zoneUuid: zoneUuid]]).details.contains("hypervisorType")
        assert refusedByPoll("PUT", "/v1/zones/${zoneUuid}/actions", [changeZoneState: [:]]).details.contains("stateEvent")
    }

    @Test
    void tooLongStringsAreSys1007() {
        assert refusedByPoll("POST", "/v1/zones", [params: [name: "n" * 256]]).details.contains("name")
        assert refusedByPoll("POST", "/v1/zones", [params: [name: "é" * 256]]).details.contains("name")
        assert refusedByPoll("POST", "/v1/zones", [params: [name: "ok", description: "d" * 2049]]).details.contains("description")
        assert refusedByPoll("POST", "/v1/clusters", [params: [name: "c" * 256, zoneUuid: zoneUuid, hypervisorType: "KVM"]]).details.contains("name")
        assert refusedByPoll("PUT", "/v1/zones/${zoneUuid}/actions", [updateZone: [name: "u" * 256]]).details.contains("name")
    }

    @Test
    void theLongestAllowedStringsAreStored() {
        for (String name : ["n" * 255, "é" * 255, "名" * 255]) {
            HttpResult r = callAndPoll(node, session, "POST", "/v1/zones", [params: [name: name, description: "d" * 2048]])
            assert r.status == 200: r.toString()
            assert r.json.inventory.name == name
            String uuid = r.json.inventory.uuid
            assert node.http("GET", "/v1/zones/${uuid}", null, oauth(session)).json.inventories[0].name == name
            assert callAndPoll(node, session, "DELETE", "/v1/zones/${uuid}").status == 200
        }
    }

    @Test
    void aValueOutsideValidValuesIsSys1007() {
        assert refusedByPoll("POST", "/v1/clusters", [params: [name: "c", zoneUuid: zoneUuid, hypervisorType: "VMware"]]).details.contains("hypervisorType")
        assert refusedByPoll("POST", "/v1/clusters", [params: [name: "c", zoneUuid: zoneUuid, hypervisorType: "kvm"]]).details.contains("hypervisorType")
        assert refusedByPoll("POST", "/v1/clusters", [params: [name: "c", zoneUuid: zoneUuid, hypervisorType: "KVM", architecture: "sparc"]]).details.contains("architecture")
        assert refusedByPoll("PUT", "/v1/zones/${zoneUuid}/actions", [changeZoneState: [stateEvent: "explode"]]).details.contains("stateEvent")
    }

    @Test
    void aUuidOfNothingIsSys1007() {
        for (String uuid : [newJobUuid(), "x' OR '1'='1", "0" * 32]) {
            assert refusedByPoll("POST", "/v1/clusters", [params: [name: "c", zoneUuid: uuid, hypervisorType: "KVM"]]).details.contains("zoneUuid")
        }
        assert refusedByPoll("PUT", "/v1/zones/${newJobUuid()}/actions", [updateZone: [name: "ghost"]]).details.contains("uuid")
        assert refusedByPoll("PUT", "/v1/zones/${newJobUuid()}/actions", [changeZoneState: [stateEvent: "disable"]]).details.contains("uuid")
    }

    @Test
    void aGlobalConfigValueOfTheWrongKindIsSys1007() {
        String path = "/v1/global-configurations/identity/session.timeout/actions"
        for (String value : ["abc", "1.5", "59", "-1", "31536001", "", "99999999999999999999"]) {
            refusedByPoll("PUT", path, [updateGlobalConfig: [value: value]])
        }
        refusedByPoll("PUT", "/v1/global-configurations/identity/no.such.config/actions", [updateGlobalConfig: [value: "1"]])
        HttpResult q = node.http("GET", "/v1/global-configurations?q=category=identity&q=name=session.timeout", null, oauth(session))
        assert q.json.inventories[0].value == "7200"
    }

    @Test
    void aBadQueryStringParameterOfADeleteIsSys1007() {
        assert refusedByPoll("DELETE", "/v1/zones/${zoneUuid}?deleteMode=Sometimes", null).details.contains("deleteMode")
        assert refusedByPoll("DELETE", "/v1/zones/${zoneUuid}?deleteMode=enforcing", null).details.contains("deleteMode")
    }

    @Test
    void aHeaderOfTheWrongKindIs400() {
        assertError(call(node, session, "POST", "/v1/zones", [params: [name: "h"]], ["X-API-Timeout": "soon"]), 400, "SYS.1007")
        assertError(call(node, session, "POST", "/v1/zones", [params: [name: "h"]], ["X-Job-UUID": "../../etc/passwd"]), 400, "SYS.1007")
    }

    @Test
    void anInternalErrorTellsNoInternals() {
        HttpResult r = callAndPoll(node, session, "POST", "/v1/testlib/echo", [params: [crash: true]])
        Map error = assertError(r, 503, "SYS.1000")
        assert !error.details.contains("crashed as told")
    }
}
