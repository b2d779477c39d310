package org.zstack.test.integration.kernel

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.core.db.DatabaseFacade
import org.zstack.header.identity.AccountConstant
import org.zstack.header.identity.AccountVO
import org.zstack.header.identity.LoginAttemptVO
import org.zstack.identity.PasswordHash
import org.zstack.sdk.CreateAccessKeyAction
import org.zstack.sdk.LogInByAccountAction
import org.zstack.sdk.QueryZoneAction
import org.zstack.sdk.UpdateAccountAction
import org.zstack.sdk.UpdateGlobalConfigAction
import org.zstack.test.integration.sdk.ClientSupport
import org.zstack.testlib.HttpResult
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import java.nio.charset.StandardCharsets
import java.time.ZoneId
import java.time.ZonedDateTime
import java.time.format.DateTimeFormatter

import static org.zstack.test.integration.kernel.RestCaseSupport.*

/**
 * The admin account: UpdateAccount changes its password through the Java SDK, the Python SDK and the CLI (the old
 * password is refused afterwards, the account's other sessions end, the caller's goes on); the login throttle slows
 * down and then locks password guessing per account name and client address, refuses even the right password while
 * locked (ID.1030) and unlocks after the configured time; an access-key signature is accepted once, within ±15
 * minutes, with the Date in GMT or with a zone id as ZStack's SDK writes it.
 */
class AccountCase {
    static final String ADMIN = AccountConstant.INITIAL_SYSTEM_ADMIN_UUID
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    /** Every case leaves the admin's password as it found it and no failure counted. */
    @AfterEach
    void restoreThePasswordAndTheThrottle() {
        node.bean(DatabaseFacade).transactionVoid { em ->
            em.find(AccountVO, ADMIN).password = PasswordHash.sha512(AccountConstant.INITIAL_SYSTEM_ADMIN_PASSWORD)
            em.createQuery("delete from LoginAttemptVO").executeUpdate()
        }
        // a new password ended the session of the last case
        zstack.login()
        setConfig("login.maxFailures", "5")
        setConfig("login.delay", "500")
        setConfig("login.lockFailures", "10")
        setConfig("login.lockTime", "900")
    }

    private static void setConfig(String name, String value) {
        new UpdateGlobalConfigAction(category: "identity", name: name, value: value, sessionId: session).call().throwExceptionIfError()
    }

    private static HttpResult login(String password, String account = "admin") {
        return node.http("PUT", "/v1/accounts/login", [logInByAccount: [accountName: account, password: password]],
                ["X-Job-UUID": newJobUuid()])
    }

    /** A login sent from another loopback address (the throttle counts per client address). */
    private static HttpResult loginFrom(String localAddress, String password) {
        String body = JsonOutput.toJson([logInByAccount: [accountName: "admin", password: password]])
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8)
        new Socket(InetAddress.getByName("127.0.0.1"), node.port, InetAddress.getByName(localAddress), 0).withCloseable { s ->
            s.soTimeout = 30000
            String head = "PUT /zstack/v1/accounts/login HTTP/1.1\r\nHost: 127.0.0.1:${node.port}\r\nConnection: close\r\n" +
                    "Content-Type: application/json; charset=utf-8\r\nContent-Length: ${bytes.length}\r\n\r\n"
            s.outputStream.write(head.getBytes(StandardCharsets.ISO_8859_1))
            s.outputStream.write(bytes)
            s.outputStream.flush()
            String all = s.inputStream.getText("UTF-8")
            int sep = all.indexOf("\r\n\r\n")
            String text = all.substring(sep + 4)
            if (all.substring(0, sep).toLowerCase().contains("transfer-encoding: chunked")) {
                text = dechunk(text)
            }
            return new HttpResult(status: all.substring(9, 12) as int, headers: [:], text: text)
        }
    }

    private static String dechunk(String s) {
        StringBuilder out = new StringBuilder()
        int i = 0
        while (true) {
            int nl = s.indexOf("\r\n", i)
            int n = Integer.parseInt(s.substring(i, nl).trim(), 16)
            if (n == 0) {
                return out.toString()
            }
            out.append(s, nl + 2, nl + 2 + n)
            i = nl + 2 + n + 2
        }
    }

    private static boolean sessionWorks(String s) {
        return new QueryZoneAction(sessionId: s).call().error == null
    }

    private static String loginSdk(String password) {
        return new LogInByAccountAction(accountName: "admin", password: password).call().throwExceptionIfError().value.inventory.uuid
    }

    // ------------------------------------------------------------------------------------------ UpdateAccount

    @Test
    void updateAccountThroughTheJavaSdkChangesThePasswordAndEndsTheOtherSessions() {
        String mine = loginSdk("password")
        String other = loginSdk("password")

        def wrongOld = new UpdateAccountAction(uuid: ADMIN, oldPassword: "not-it", password: "java-pw", sessionId: mine).call()
        assert wrongOld.error.code == "ID.1031": wrongOld.error
        assert sessionWorks(other): "a refused update ends nothing"

        def r = new UpdateAccountAction(uuid: ADMIN, oldPassword: "password", password: "java-pw", description: "the admin",
                sessionId: mine).call().throwExceptionIfError().value.inventory
        assert r.uuid == ADMIN && r.name == "admin" && r.description == "the admin" && r.type == "SystemAdmin"

        assert new LogInByAccountAction(accountName: "admin", password: "password").call().error.code == "ID.1000"
        assert sessionWorks(loginSdk("java-pw"))
        assert sessionWorks(mine): "the caller's session goes on"
        assert !sessionWorks(other): "every other session of the account ended"
        assert new QueryZoneAction(sessionId: other).call().error.code == "ID.1001"

        // the admin keeps its name; the stored form is never returned
        def rename = new UpdateAccountAction(uuid: ADMIN, name: "root", sessionId: mine).call()
        assert rename.error.code == "ID.1032": rename.error
        HttpResult raw = callAndPoll(node, mine, "PUT", "/v1/accounts/${ADMIN}", [updateAccount: [description: "again"]])
        assert raw.status == 200: raw.toString()
        assert raw.json.inventory.description == "again"
        assert raw.json.schema.inventory == "org.zstack.header.identity.AccountInventory"
        assert !raw.text.contains(PasswordHash.sha512("java-pw")) && !raw.text.contains("password")
        // what ZStack's UI sends: the SHA-512 hex, taken as the password's digest
        new UpdateAccountAction(uuid: ADMIN, password: PasswordHash.sha512("hex-pw"), sessionId: mine).call().throwExceptionIfError()
        assert sessionWorks(loginSdk("hex-pw"))
    }

    @Test
    void updateAccountThroughThePythonSdk() {
        String script = '''
import json, sys, zssdk
zssdk.configure(hostname="127.0.0.1", port=int(sys.argv[1]), context_path="zstack")
s = zssdk.LogInByAccountAction(accountName="admin", password="password").call().throw_exception_if_error().value.inventory.uuid
u = zssdk.UpdateAccountAction(uuid=sys.argv[2], oldPassword="password", password="python-pw", sessionId=s).call()
old = zssdk.LogInByAccountAction(accountName="admin", password="password").call()
new = zssdk.LogInByAccountAction(accountName="admin", password="python-pw").call()
print(json.dumps({"updated": u.error is None and u.value.inventory.name, "oldError": old.error.code,
                  "newOk": new.error is None}))
'''
        def r = ClientSupport.run(["python3", "-c", script, String.valueOf(node.port), ADMIN],
                ["PYTHONPATH": ClientSupport.PYTHON_SDK.toString()])
        assert r.status == 0: r
        assert r.json == [updated: "admin", oldError: "ID.1000", newOk: true]: r
    }

    @Test
    void updateAccountThroughTheCli() {
        def cli = new ClientSupport.Cli(node.port)
        try {
            assert cli.call("LogInByAccount", "accountName=admin", "password=password").status == 0
            def u = cli.call("UpdateAccount", "uuid=${ADMIN}".toString(), "password=cli-pw")
            assert u.status == 0: u
            assert u.json.inventory.name == "admin"
            def old = cli.call("LogInByAccount", "accountName=admin", "password=password")
            assert old.status == 1 && old.errorJson.error.code == "ID.1000": old
            assert cli.call("LogInByAccount", "accountName=admin", "password=cli-pw").status == 0
        } finally {
            cli.delete()
        }
    }

    // ------------------------------------------------------------------------------------------ login throttle

    @Test
    void failuresSlowTheAnswersDownThenLockEvenTheRightPasswordUntilTheLockTimeIsOver() {
        setConfig("login.delay", "300")
        setConfig("login.lockFailures", "8")
        setConfig("login.lockTime", "4")
        List<Long> took = []
        for (int i = 0; i < 8; i++) {
            long t0 = System.currentTimeMillis()
            assertError(login("wrong-${i}"), 503, "ID.1000")
            took << System.currentTimeMillis() - t0
        }
        println("login throttle: answers to 8 wrong passwords took ${took} ms")
        // 5 at once, then 300, 600, 1200 ms
        assert took[0..4].every { it < 300 }: took
        assert took[5] >= 300 && took[6] >= 600 && took[7] >= 1200: took
        LoginAttemptVO row = node.bean(DatabaseFacade).transaction { em ->
            em.createQuery("select a from LoginAttemptVO a where a.accountName = 'admin'", LoginAttemptVO).resultList[0]
        }
        assert row.failures == 8 && row.lockedUntil != null && row.clientAddress == "127.0.0.1"

        // locked: the right password too, at once, with the code and the time left
        long t0 = System.currentTimeMillis()
        Map e = assertError(login("password"), 503, "ID.1030")
        assert System.currentTimeMillis() - t0 < 300
        assert e.details.contains("locked") && e.details.contains("seconds"): e
        assert new LogInByAccountAction(accountName: "admin", password: "password").call().error.code == "ID.1030"
        // per client address: from another one the admin logs in
        HttpResult elsewhere = loginFrom("127.0.0.2", "password")
        assert elsewhere.status == 200: elsewhere.toString()

        Thread.sleep(4500)
        HttpResult unlocked = login("password")
        assert unlocked.status == 200: unlocked.toString()
        assert node.bean(DatabaseFacade).transaction { em -> em.createQuery("select count(a) from LoginAttemptVO a where a.accountName = 'admin'").singleResult } == 0L
        // the count starts again: the next failure is the first one counted
        assertError(login("wrong"), 503, "ID.1000")
        assert node.bean(DatabaseFacade).transaction { em -> em.createQuery("select a.failures from LoginAttemptVO a where a.accountName = 'admin'").resultList } == [1]
    }

    @Test
    void threeHundredWrongLoginsWithTheDefaults() {
        // an account that does not exist is throttled like one that does (the answers do not tell them apart)
        long t0 = System.currentTimeMillis()
        Map<String, Integer> codes = [:]
        for (int i = 0; i < 300; i++) {
            HttpResult r = login("guess-${i}", "nobody")
            String code = new JsonSlurper().parseText(r.text).error.code
            codes[code] = (codes[code] ?: 0) + 1
        }
        long took = System.currentTimeMillis() - t0
        println("login throttle: 300 wrong logins with the defaults took ${took} ms: ${codes}")
        // 10 failures (the last 5 after 0.5 + 1 + 2 + 4 + 8 s), then 290 refusals of the lock
        assert codes == ["ID.1000": 10, "ID.1030": 290]: codes
        assert took >= 15500: took
        // the admin is not affected
        assert login("password").status == 200
    }

    // ------------------------------------------------------------------------------------------ access keys

    private static Map<String, String> signed(Map key, String method, String path, ZonedDateTime when, String pattern) {
        String date = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(when)
        Mac mac = Mac.getInstance("HmacSHA1")
        mac.init(new SecretKeySpec((key.secret as String).getBytes(StandardCharsets.UTF_8), "HmacSHA1"))
        String sig = mac.doFinal("${method}\n${date}\n${path}".toString().getBytes(StandardCharsets.UTF_8)).encodeBase64().toString()
        return ["Date": date, "Authorization": "ZStack ${key.id}:${sig}".toString(), "X-Job-UUID": newJobUuid()]
    }

    private static Map newKey() {
        def k = new CreateAccessKeyAction(accountUuid: ADMIN, userUuid: ADMIN, sessionId: session).call().throwExceptionIfError().value.inventory
        return [id: k.AccessKeyID, secret: k.AccessKeySecret]
    }

    @Test
    void aSignatureIsAcceptedOnceWithinFifteenMinutesAndDatesMayCarryZoneIds() {
        Map key = newKey()
        String zoneId = "EEE, dd MMM yyyy HH:mm:ss VV"
        // ZStack's SDK writes the machine's zone id; GMT and an offset are accepted too
        for (String zone : ["Etc/UTC", "Asia/Shanghai", "GMT", "America/New_York", "+08:00"]) {
            Map<String, String> h = signed(key, "GET", "/v1/zones", ZonedDateTime.now(ZoneId.of(zone)), zoneId)
            HttpResult r = node.http("GET", "/v1/zones", null, h)
            assert r.status == 200: "${h.Date}: ${r}"
            // the same request again is a replay
            HttpResult again = node.http("GET", "/v1/zones", null, h + ["X-Job-UUID": newJobUuid()])
            assertError(again, 401, "ID.1033")
        }
        String rfc = "EEE, dd MMM yyyy HH:mm:ss zzz"
        assert node.http("GET", "/v1/zones", null, signed(key, "GET", "/v1/zones", ZonedDateTime.now(ZoneId.of("UTC")), rfc)).status == 200

        // ±15 minutes
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"))
        for (int minutes : [14, -14]) {
            HttpResult r = node.http("GET", "/v1/zones", null, signed(key, "GET", "/v1/zones", now.plusMinutes(minutes), zoneId))
            assert r.status == 200: "${minutes} min: ${r}"
        }
        for (int minutes : [16, -16]) {
            HttpResult r = node.http("GET", "/v1/zones", null, signed(key, "GET", "/v1/zones", now.plusMinutes(minutes), zoneId))
            Map e = assertError(r, 401, "ID.1001")
            assert e.details.contains("15 minutes"): e
        }
        Map<String, String> garbled = signed(key, "GET", "/v1/zones", now, zoneId) + ["Date": "Mon, 32 Foo 2026 99:00:00 Mars/Base"]
        assert assertError(node.http("GET", "/v1/zones", null, garbled), 401, "ID.1001").details.contains("Date")

        // the generated SDKs sign every request anew: many in one second all pass. (The GMT request above may have
        // signed this very text in this second: a new second first.)
        Thread.sleep(1100)
        for (int i = 0; i < 4; i++) {
            assert new QueryZoneAction(accessKeyId: key.id, accessKeySecret: key.secret).call().error == null
        }
        String py = '''
import sys, zssdk
zssdk.configure(hostname="127.0.0.1", port=int(sys.argv[1]), context_path="zstack")
for i in range(3):
    zssdk.QueryZoneAction(accessKeyId=sys.argv[2], accessKeySecret=sys.argv[3]).call().throw_exception_if_error()
print("ok")
'''
        // two clients of one key that sign the same method and path in the same second do collide: a new second
        Thread.sleep(1100)
        def r = ClientSupport.run(["python3", "-c", py, String.valueOf(node.port), key.id as String, key.secret as String],
                ["PYTHONPATH": ClientSupport.PYTHON_SDK.toString()])
        assert r.status == 0 && r.out.trim() == "ok": r
    }
}
