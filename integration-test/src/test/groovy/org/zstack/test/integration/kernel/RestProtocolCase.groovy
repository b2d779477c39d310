package org.zstack.test.integration.kernel

import com.sun.net.httpserver.HttpServer
import groovy.json.JsonSlurper
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.core.db.DatabaseFacade
import org.zstack.header.identity.AccountConstant
import org.zstack.header.identity.SessionVO
import org.zstack.sdk.CreateAccessKeyAction
import org.zstack.sdk.CreateZoneAction
import org.zstack.sdk.QueryAccessKeyAction
import org.zstack.sdk.QueryZoneAction
import org.zstack.testlib.HttpResult
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode
import org.zstack.testlib.longjob.TestLongJob
import org.zstack.testlib.rest.TestApiService

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import java.nio.charset.StandardCharsets
import java.security.MessageDigest
import java.sql.Timestamp
import java.time.ZoneId
import java.time.ZonedDateTime
import java.time.format.DateTimeFormatter
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

import static org.zstack.test.integration.kernel.RestCaseSupport.*

/**
 * The REST wire protocol of shared/docs/rest-wire-protocol.md as a client sees it: login and sessions, the
 * 202-and-poll cycle of asynchronous APIs, X-Job-UUID, web hooks, request bodies, PUT actions, access keys,
 * the date form, the schema map and X-API-Timeout.
 */
class RestProtocolCase {
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    private static HttpResult login(String password, String account = "admin") {
        return node.http("PUT", "/v1/accounts/login",
                [logInByAccount: [accountName: account, password: password]],
                ["X-Job-UUID": newJobUuid(), "X-JSON-Schema": "true"])
    }

    private static String sha512(String s) {
        return MessageDigest.getInstance("SHA-512").digest(s.getBytes(StandardCharsets.UTF_8)).encodeHex().toString()
    }

    private static HttpResult queryZones(String sessionUuid) {
        return node.http("GET", "/v1/zones", null, oauth(sessionUuid))
    }

    private static String createZone(String name) {
        HttpResult r = callAndPoll(node, session, "POST", "/v1/zones", [params: [name: name]])
        assert r.status == 200: r.toString()
        return r.json.inventory.uuid
    }

    @Test
    void loginTakesThePasswordOrItsSha512HexAndRefusesAWrongOne() {
        for (String password : ["password", sha512("password"), sha512("password").toUpperCase()]) {
            HttpResult r = login(password)
            assert r.status == 200: r.toString()
            Map inv = r.json.inventory
            assert inv.uuid ==~ /[0-9a-f]{32}/
            assert inv.accountUuid == AccountConstant.INITIAL_SYSTEM_ADMIN_UUID
            assert inv.userUuid
            assert inv.expiredDate ==~ GSON_DATE
            assert inv.createDate ==~ GSON_DATE
            assert r.json.schema.inventory == "org.zstack.header.identity.SessionInventory"
            assert queryZones(inv.uuid as String).status == 200
        }

        for (HttpResult bad : [login("wrong"), login(sha512("wrong")), login("password", "nobody")]) {
            Map error = assertError(bad, 503, "ID.1000")
            assert !bad.text.contains(sha512("password"))
            assert error.details.contains("wrong account name or password")
        }
    }

    @Test
    void logoutEndsTheSessionAndTheValidityEndpointSaysSo() {
        String s = login("password").json.inventory.uuid
        HttpResult valid = node.http("GET", "/v1/accounts/sessions/${s}/valid")
        assert valid.status == 200: valid.toString()
        assert valid.json.valid == true

        HttpResult out = node.http("DELETE", "/v1/accounts/sessions/${s}", null, ["X-Job-UUID": newJobUuid()])
        assert out.status == 200: out.toString()
        assert node.http("GET", "/v1/accounts/sessions/${s}/valid").json.valid == false
        assertError(queryZones(s), 503, "ID.1001")

        // a session that never existed is simply not valid, and logging it out is no error
        assert node.http("GET", "/v1/accounts/sessions/${newJobUuid()}/valid").json.valid == false
        assert node.http("DELETE", "/v1/accounts/sessions/${newJobUuid()}").status == 200
        // the SDK's own session still works
        assert queryZones(session).status == 200
    }

    @Test
    void anExpiredSessionIsRefusedWithId1001() {
        String s = login("password").json.inventory.uuid
        assert queryZones(s).status == 200
        node.bean(DatabaseFacade).transactionVoid { em ->
            em.find(SessionVO, s).expiredDate = new Timestamp(System.currentTimeMillis() - 1000)
        }

        assertError(queryZones(s), 503, "ID.1001")
        assert node.http("GET", "/v1/accounts/sessions/${s}/valid").json.valid == false
        long zones = zoneCount(node)
        // an asynchronous API is accepted, and refused through the poll
        HttpResult r = callAndPoll(node, s, "POST", "/v1/zones", [params: [name: "expired-session-zone"]])
        assertError(r, 503, "ID.1001")
        assert zoneCount(node) == zones
    }

    @Test
    void missingAuthorizationIs400InPlainText() {
        for (String method : ["GET", "POST", "DELETE"]) {
            String path = method == "DELETE" ? "/v1/zones/${newJobUuid()}" : "/v1/zones"
            HttpResult r = node.http(method, path, method == "POST" ? [params: [name: "x"]] : null,
                    ["X-Job-UUID": newJobUuid()])
            assert r.status == 400: r.toString()
            assert r.header("Content-Type").startsWith("text/plain"): r.toString()
            assert r.text.contains("missing header 'Authorization'")
        }
        HttpResult basic = node.http("GET", "/v1/zones", null, ["Authorization": "Basic YWRtaW46cGFzc3dvcmQ="])
        assert basic.status == 400: basic.toString()
        assertNoInternals(basic)
    }

    @Test
    void anUnknownOAuthSessionIsId1001() {
        String bogus = newJobUuid()
        assertError(queryZones(bogus), 503, "ID.1001")
        assertError(queryZones("not-even-a-uuid"), 503, "ID.1001")
        long zones = zoneCount(node)
        assertError(callAndPoll(node, bogus, "POST", "/v1/zones", [params: [name: "bogus-session-zone"]]), 503, "ID.1001")
        assert zoneCount(node) == zones
    }

    @Test
    void aBodyCannotSetTheMessagesInternalFields() {
        long zones = zoneCount(node)
        String bogus = newJobUuid()
        // what the server sets itself (session, headers such as the access-key mark, id) is no parameter: a body
        // that names one is refused, naming it (it used to be dropped unread and the request carried out)
        Map params = [name: "smuggled", headers: [accessKeyAuthenticated: true], id: newJobUuid(), serviceId: "zone",
                      session: [uuid: session, accountUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID], timeout: 1]
        params.each { k, v ->
            if (k != "name") {
                Map error = assertError(call(node, bogus, "POST", "/v1/zones", [params: [name: "smuggled", (k): v]]), 400, "SYS.1007")
                assert error.details.contains("unknown parameter ${k}"): error
            }
        }
        assertError(call(node, bogus, "POST", "/v1/zones", [params: params]), 400, "SYS.1007")
        assert zoneCount(node) == zones

        String job = newJobUuid()
        assertError(call(node, session, "POST", "/v1/testlib/echo", [params: [text: "x", id: newJobUuid()]],
                ["X-Job-UUID": job]), 400, "SYS.1007")
        HttpResult echo = callAndPoll(node, session, "POST", "/v1/testlib/echo", [params: [text: "x"]], ["X-Job-UUID": newJobUuid()])
        assert echo.status == 200: echo.toString()
    }

    @Test
    void anAsyncApiAnswers202WithALocationThenPolls202UntilDone() {
        String job = newJobUuid()
        HttpResult accepted = call(node, session, "POST", "/v1/testlib/echo", [params: [text: "hi", key: "poll-1"]],
                ["X-Job-UUID": job])
        assert accepted.status == 202: accepted.toString()
        String location = accepted.json.location
        assert location.startsWith("http://")
        assert location.endsWith("/zstack/v1/api-jobs/${job}")
        assert accepted.json.apiTimeout instanceof Number && accepted.json.apiTimeout > 0

        String pollPath = "/v1/api-jobs/${job}"
        for (int i = 0; i < 3; i++) {
            HttpResult running = node.http("GET", pollPath, null, oauth(session))
            assert running.status == 202: running.toString()
            assert running.json == [:]
            Thread.sleep(50)
        }
        TestApiService.release("poll-1")
        HttpResult done = node.poll(accepted)
        assert done.status == 200: done.toString()
        // X-Job-UUID became the API message's id
        assert done.json.inventory.apiId == job
        assert done.json.inventory.text == "hi"
        // and the result stays readable
        assert node.http("GET", pollPath, null, oauth(session)).text == done.text
    }

    @Test
    void aLongJobIsSubmittedAtOnceAndRunsOn() {
        String job = newJobUuid()
        HttpResult accepted = call(node, session, "POST", "/v1/longjobs",
                [params: [jobName: "APITestLongJobMsg", jobData: '{"key":"rest-protocol-k1","block":true}']], ["X-Job-UUID": job])
        assert accepted.status == 202: accepted.toString()
        // SubmitLongJob answers as soon as the job is submitted (as ZStack's does); the job itself runs on
        HttpResult submitted = node.poll(accepted)
        assert submitted.status == 200: submitted.toString()
        assert submitted.json.schema.inventory == "org.zstack.header.longjob.LongJobInventory"
        Map inv = submitted.json.inventory
        assert inv.apiId == job
        assert inv.jobName == "APITestLongJobMsg"
        assert inv.createDate ==~ GSON_DATE

        String query = "/v1/longjobs/${inv.uuid}"
        HttpResult running = node.http("GET", query, null, oauth(session))
        assert running.json.schema."inventories[0]" == "org.zstack.header.longjob.LongJobInventory"
        // the job blocks until released: it gets to Running and stays there
        assert waitForState(query, "Running") == "Running"
        Thread.sleep(200)
        assert node.http("GET", query, null, oauth(session)).json.inventories[0].state == "Running"

        TestLongJob.release("rest-protocol-k1")
        assert waitForState(query, "Succeeded") == "Succeeded"
    }

    private static String waitForState(String query, String wanted) {
        long deadline = System.currentTimeMillis() + 20000
        String state = null
        while (System.currentTimeMillis() < deadline) {
            state = node.http("GET", query, null, oauth(session)).json.inventories[0].state
            if (state == wanted) {
                break
            }
            Thread.sleep(50)
        }
        return state
    }

    @Test
    void aFailedJobPolls503WithItsError() {
        Map error = assertError(callAndPoll(node, session, "POST", "/v1/testlib/echo", [params: [fail: true]]), 503, "SYS.1006")
        assert error.details.contains("told to fail")
        // a validation failure of an async API also arrives through the poll
        assertError(callAndPoll(node, session, "POST", "/v1/zones", [params: [description: "no name"]]), 503, "SYS.1007")
    }

    @Test
    void aCompletedJobIs404OnceExpiredAndAnUnknownJobIs404() {
        HttpResult unknown = node.http("GET", "/v1/api-jobs/${newJobUuid()}", null, oauth(session))
        assert unknown.status == 404: unknown.toString()

        HttpResult accepted = call(node, session, "POST", "/v1/testlib/echo", [params: [text: "soon gone"]])
        assert node.poll(accepted).status == 200
        String path = "/v1/global-configurations/rest/completedApi.expiredPeriod/actions"
        HttpResult set = callAndPoll(node, session, "PUT", path, [updateGlobalConfig: [value: "1"]])
        assert set.status == 200: set.toString()
        try {
            Thread.sleep(1500)
            HttpResult expired = node.poll(accepted)
            assert expired.status == 404: expired.toString()
            assertNoInternals(expired)
        } finally {
            assert callAndPoll(node, session, "PUT", path, [updateGlobalConfig: [value: "10800"]]).status == 200
        }
    }

    @Test
    void xJobUuidMustBe32HexAndCannotBeReused() {
        for (String bad : ["abc", UUID.randomUUID().toString(), newJobUuid() + "0", newJobUuid().substring(1) + "g"]) {
            HttpResult r = call(node, session, "POST", "/v1/zones", [params: [name: "bad-job-uuid"]], ["X-Job-UUID": bad])
            assertError(r, 400, "SYS.1007")
        }

        long zones = zoneCount(node)
        String job = newJobUuid()
        HttpResult first = call(node, session, "POST", "/v1/zones", [params: [name: "job-uuid-1"]], ["X-Job-UUID": job])
        assert first.status == 202
        String zoneUuid = node.poll(first).json.inventory.uuid
        assertError(call(node, session, "POST", "/v1/zones", [params: [name: "job-uuid-2"]], ["X-Job-UUID": job]), 400, "SYS.1007")
        assertError(call(node, session, "PUT", "/v1/zones/${zoneUuid}/actions", [updateZone: [name: "job-uuid-3"]],
                ["X-Job-UUID": job]), 400, "SYS.1007")
        assertError(call(node, session, "DELETE", "/v1/zones/${zoneUuid}", null, ["X-Job-UUID": job]), 400, "SYS.1007")
        assert zoneCount(node) == zones + 1
        HttpResult zone = node.http("GET", "/v1/zones/${zoneUuid}", null, oauth(session))
        assert zone.json.inventories[0].name == "job-uuid-1"
        // the first job's result is still its own
        assert node.http("GET", "/v1/api-jobs/${job}", null, oauth(session)).json.inventory.name == "job-uuid-1"
    }

    @Test
    void aWebHookGetsTheFinalBodyAndIsRetriedOnFailure() {
        def received = new LinkedBlockingQueue<Map>()
        AtomicInteger calls = new AtomicInteger()
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0)
        hook.createContext("/hook") { ex ->
            received.add([job    : ex.requestHeaders.getFirst("X-Job-UUID"),
                          success: ex.requestHeaders.getFirst("X-Job-Success"),
                          body   : ex.requestBody.getText("UTF-8")])
            // the first delivery fails: the server must try again
            int status = calls.incrementAndGet() == 1 ? 500 : 200
            ex.sendResponseHeaders(status, -1)
            ex.close()
        }
        hook.start()
        try {
            String url = "http://127.0.0.1:${hook.address.port}/hook"
            String job = newJobUuid()
            HttpResult accepted = call(node, session, "POST", "/v1/testlib/echo", [params: [text: "hooked"]],
                    ["X-Job-UUID": job, "X-Web-Hook": url])
            assert accepted.status == 202: accepted.toString()
            Map first = received.poll(10, TimeUnit.SECONDS)
            Map second = received.poll(10, TimeUnit.SECONDS)
            assert first != null && second != null
            HttpResult polled = node.poll(accepted)
            for (Map m : [first, second]) {
                assert m.job == job
                assert m.success == "true"
                assert new JsonSlurper().parseText(m.body as String) == polled.json
            }
            assert polled.json.inventory.text == "hooked"

            String failing = newJobUuid()
            assert call(node, session, "POST", "/v1/testlib/echo", [params: [fail: true]],
                    ["X-Job-UUID": failing, "X-Web-Hook": url]).status == 202
            Map failed = received.poll(10, TimeUnit.SECONDS)
            assert failed.job == failing
            assert failed.success == "false"
            assert new JsonSlurper().parseText(failed.body as String).error.code == "SYS.1006"
        } finally {
            hook.stop(0)
        }
    }

    @Test
    void systemTagsAreTakenFromInsideParamsOrBesideIt() {
        HttpResult inside = callAndPoll(node, session, "POST", "/v1/testlib/echo",
                [params: [text: "in", systemTags: ["tag::inside"], userTags: ["u-inside"]]])
        assert inside.json.inventory.systemTags == ["tag::inside"]
        assert inside.json.inventory.userTags == ["u-inside"]

        HttpResult beside = callAndPoll(node, session, "POST", "/v1/testlib/echo",
                [params: [text: "out"], systemTags: ["tag::beside"], userTags: ["u-beside"]])
        assert beside.json.inventory.text == "out"
        assert beside.json.inventory.systemTags == ["tag::beside"]
        assert beside.json.inventory.userTags == ["u-beside"]

        // a real create takes both forms too
        assert callAndPoll(node, session, "POST", "/v1/zones", [params: [name: "tags-in", systemTags: ["a::b"]]]).status == 200
        assert callAndPoll(node, session, "POST", "/v1/zones", [params: [name: "tags-out"], systemTags: ["a::b"]]).status == 200
    }

    @Test
    void aPutOnActionsIsChosenByItsBodyKey() {
        String zone = createZone("action-zone")
        String other = createZone("action-other")
        String path = "/v1/zones/${zone}/actions"

        HttpResult updated = callAndPoll(node, session, "PUT", path, [updateZone: [name: "action-renamed"]])
        assert updated.status == 200: updated.toString()
        assert updated.json.inventory.name == "action-renamed"
        assert updated.json.inventory.state == "Enabled"

        HttpResult disabled = callAndPoll(node, session, "PUT", path, [changeZoneState: [stateEvent: "disable"]])
        assert disabled.status == 200: disabled.toString()
        assert disabled.json.inventory.state == "Disabled"
        assert disabled.json.inventory.name == "action-renamed"

        // the uuid comes from the URL only: one in the body does not redirect the action
        HttpResult redirected = callAndPoll(node, session, "PUT", path, [updateZone: [uuid: other, name: "action-again"]])
        assert redirected.json.inventory.uuid == zone
        assert node.http("GET", "/v1/zones/${other}", null, oauth(session)).json.inventories[0].name == "action-other"

        for (Map body : [[noSuchAction: [:]], [:], [updateZone: [name: "a"], changeZoneState: [stateEvent: "enable"]]]) {
            assertError(call(node, session, "PUT", path, body), 400, "SYS.1007")
        }
        Map now = node.http("GET", "/v1/zones/${zone}", null, oauth(session)).json.inventories[0]
        assert now.name == "action-again"
        assert now.state == "Disabled"
    }

    // ZStack's SDK form with a zone id; our SDK writes "GMT", so the two never sign the same text in the same second
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss VV", Locale.US)

    private static Map<String, String> signed(String keyId, String secret, String method, String path, long skewMinutes = 0) {
        String date = HTTP_DATE.format(ZonedDateTime.now(ZoneId.of("Etc/UTC")).plusMinutes(skewMinutes))
        Mac mac = Mac.getInstance("HmacSHA1")
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"))
        String sig = mac.doFinal("${method}\n${date}\n${path}".toString().getBytes(StandardCharsets.UTF_8)).encodeBase64().toString()
        return ["Date": date, "Authorization": "ZStack ${keyId}:${sig}".toString(), "X-Job-UUID": newJobUuid()]
    }

    @Test
    void anAccessKeySignsRequestsAndItsSecretIsNeverReturnedAgain() {
        def created = new CreateAccessKeyAction(accountUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID,
                userUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID, sessionId: session).call().throwExceptionIfError().value.inventory
        String keyId = created.AccessKeyID
        String secret = created.AccessKeySecret
        assert keyId && secret

        HttpResult ok = node.http("GET", "/v1/zones", null, signed(keyId, secret, "GET", "/v1/zones"))
        assert ok.status == 200: ok.toString()
        // the SDK signs the same way, for sync and async APIs
        assert new QueryZoneAction(accessKeyId: keyId, accessKeySecret: secret).call().error == null
        def zone = new CreateZoneAction(name: "signed-zone", accessKeyId: keyId, accessKeySecret: secret).call()
        assert zone.error == null: zone.error
        assert zone.value.inventory.name == "signed-zone"

        long zones = zoneCount(node)
        List<Map<String, String>> refused = [
                signed(keyId, secret + "x", "GET", "/v1/zones"),
                signed(keyId, secret, "GET", "/v1/clusters"),
                signed(keyId, secret, "GET", "/v1/zones", -20),
                signed(keyId, secret, "GET", "/v1/zones", 20),
                signed("NOSUCHKEY", secret, "GET", "/v1/zones"),
                signed(keyId, secret, "GET", "/v1/zones").findAll { k, v -> k != "Date" },
        ]
        for (Map<String, String> h : refused) {
            HttpResult r = node.http("GET", "/v1/zones", null, h)
            assert r.status in [400, 401, 403]: r.toString()
            assertNoInternals(r)
            assert !r.text.contains(secret)
        }
        HttpResult create = node.http("POST", "/v1/zones", [params: [name: "unsigned"]],
                signed(keyId, secret + "x", "POST", "/v1/zones"))
        assert create.status in [400, 401, 403]: create.toString()
        assert new CreateZoneAction(name: "bad-secret", accessKeyId: keyId, accessKeySecret: "wrong").call().error != null
        assert zoneCount(node) == zones

        HttpResult listed = node.http("GET", "/v1/accesskeys", null, oauth(session))
        assert listed.status == 200
        assert listed.json.inventories.find { it.uuid == created.uuid }.AccessKeyID == keyId
        HttpResult one = node.http("GET", "/v1/accesskeys/${created.uuid}", null, oauth(session))
        for (HttpResult r : [listed, one]) {
            assert !r.text.contains("AccessKeySecret")
            assert !r.text.contains(secret)
        }
        def viaSdk = new QueryAccessKeyAction(conditions: ["uuid=${created.uuid}".toString()], sessionId: session)
                .call().throwExceptionIfError().value.inventories
        assert viaSdk.size() == 1
        assert viaSdk[0].AccessKeySecret == null
    }

    @Test
    void datesHaveGsonsDefaultForm() {
        String zone = createZone("date-zone")
        Map inv = node.http("GET", "/v1/zones/${zone}", null, oauth(session)).json.inventories[0]
        assert inv.createDate ==~ GSON_DATE
        assert inv.lastOpDate ==~ GSON_DATE
        // and the SDK reads them back
        def sdkZone = new QueryZoneAction(conditions: ["uuid=${zone}".toString()], sessionId: session)
                .call().throwExceptionIfError().value.inventories[0]
        assert Math.abs(sdkZone.createDate.time - System.currentTimeMillis()) < TimeUnit.MINUTES.toMillis(5)
    }

    @Test
    void theSchemaNamesTheServerClassOfEveryInventory() {
        createZone("schema-a")
        createZone("schema-b")
        HttpResult r = node.http("GET", "/v1/zones", null, oauth(session))
        List inventories = r.json.inventories
        assert inventories.size() >= 2
        Map schema = r.json.schema
        inventories.eachWithIndex { inv, i -> assert schema["inventories[${i}]".toString()] == "org.zstack.header.zone.ZoneInventory" }
        assert schema.size() == inventories.size()

        def created = callAndPoll(node, session, "POST", "/v1/zones", [params: [name: "schema-c"]])
        assert created.json.schema == [inventory: "org.zstack.header.zone.ZoneInventory"]

        def sdk = new QueryZoneAction(sessionId: session).call().throwExceptionIfError().value.inventories
        assert sdk.every { it instanceof org.zstack.sdk.ZoneInventory }
    }

    @Test
    void resultBodiesHaveTheShapesTheSdkReads() {
        HttpResult created = callAndPoll(node, session, "POST", "/v1/zones", [params: [name: "shape-zone"]])
        assert created.header("Content-Type").startsWith("application/json")
        assert created.json.keySet() == ["inventory", "schema"] as Set
        String uuid = created.json.inventory.uuid

        HttpResult queried = node.http("GET", "/v1/zones?q=uuid=${uuid}", null, oauth(session))
        assert queried.json.keySet() == ["inventories", "schema"] as Set

        // DELETE takes its parameters in the query string; its result is {}
        HttpResult deleted = callAndPoll(node, session, "DELETE", "/v1/zones/${uuid}?deleteMode=Enforcing")
        assert deleted.status == 200: deleted.toString()
        assert deleted.json == [:]
        assert node.http("GET", "/v1/zones/${uuid}", null, oauth(session)).json.inventories == []
        // deleting what is gone succeeds too
        assert callAndPoll(node, session, "DELETE", "/v1/zones/${uuid}").json == [:]
    }

    @Test
    void xApiTimeoutIsHonoured() {
        HttpResult accepted = call(node, session, "POST", "/v1/testlib/echo", [params: [key: "timeout-1"]],
                ["X-API-Timeout": "1"])
        assert accepted.status == 202: accepted.toString()
        assert accepted.json.apiTimeout == 1000
        long begin = System.currentTimeMillis()
        Map error = assertError(node.poll(accepted, 15000), 503, "SYS.1001")
        // long before the 30 minutes the API would otherwise have
        assert System.currentTimeMillis() - begin < 15000
        assert error.details
        TestApiService.release("timeout-1")

        assertError(call(node, session, "POST", "/v1/testlib/echo", [params: [text: "x"]], ["X-API-Timeout": "soon"]), 400, "SYS.1007")
    }
}
