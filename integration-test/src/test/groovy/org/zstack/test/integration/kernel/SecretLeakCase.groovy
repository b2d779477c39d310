package org.zstack.test.integration.kernel

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.LoggerContext
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.slf4j.LoggerFactory
import org.zstack.core.db.DatabaseFacade
import org.zstack.header.identity.AccountConstant
import org.zstack.header.identity.AccountVO
import org.zstack.sdk.AbstractLogInAction
import org.zstack.sdk.CreateAccessKeyAction
import org.zstack.sdk.LogInByAccountAction
import org.zstack.testlib.HttpResult
import org.zstack.testlib.LogCapture
import org.zstack.testlib.TestDatabase
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.LinkOption
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.time.ZoneId
import java.time.ZonedDateTime
import java.time.format.DateTimeFormatter

import static org.zstack.test.integration.kernel.RestCaseSupport.*

/**
 * No secret in any answer, file or log: an API job's result goes only to the credential that submitted it, and an
 * access key's secret never reaches the api-job table; passwords are stored as a salted slow hash that is itself no
 * login; the data directory and the key file are the node's alone; at TRACE level no password or secret is logged.
 */
class SecretLeakCase {
    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("GMT"))
    static final String CAPTURE_CHECK = "secret-leak-case: capture check"
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    private static Map<String, String> signed(String keyId, String secret, String method, String v1Path) {
        String date = HTTP_DATE.format(ZonedDateTime.now(ZoneId.of("GMT")))
        Mac mac = Mac.getInstance("HmacSHA1")
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"))
        String sig = mac.doFinal("${method}\n${date}\n${v1Path}".toString().getBytes(StandardCharsets.UTF_8)).encodeBase64().toString()
        return ["Date": date, "Authorization": "ZStack ${keyId}:${sig}".toString()]
    }

    private static HttpResult createAccessKey(String sessionUuid, String job = newJobUuid()) {
        return call(node, sessionUuid, "POST", "/v1/accesskeys", [params: [accountUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID,
                userUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID]], ["X-Job-UUID": job])
    }

    /** Everything in the api-job table, every column, as text. */
    private static String apiJobTable() {
        DatabaseFacade dbf = node.bean(DatabaseFacade)
        List rows = dbf.transaction { em -> em.createNativeQuery("SELECT * FROM AsyncRestVO").getResultList() }
        return rows.collect { r -> r instanceof Object[] ? (r as List).join("|") : String.valueOf(r) }.join("\n")
    }

    @Test
    void aJobsResultGoesOnlyToTheSessionThatSubmittedIt() {
        String other = node.login()
        String job = newJobUuid()
        HttpResult accepted = createAccessKey(session, job)
        assert accepted.status == 202: accepted.toString()
        HttpResult mine = node.poll(accepted)
        assert mine.status == 200: mine.toString()
        String secret = mine.json.inventory.AccessKeySecret
        assert secret

        String path = "/v1/api-jobs/${job}"
        HttpResult unknown = node.http("GET", "/v1/api-jobs/${newJobUuid()}", null, oauth(session))
        assert unknown.status == 404
        for (Map<String, String> h : [[:], oauth(other), oauth(newJobUuid()), ["Authorization": "OAuth"],
                                      ["Authorization": "ZStack ${mine.json.inventory.AccessKeyID}:bm9wZQ==".toString(),
                                       "Date": HTTP_DATE.format(ZonedDateTime.now())]]) {
            HttpResult r = node.http("GET", path, null, h)
            // exactly what an unknown job answers: nothing tells the job exists
            assert r.status == 404: "${h}: ${r}"
            assert r.text == unknown.text.replace(unknownUuid(unknown), job)
            assert !r.text.contains(secret)
        }
        // the submitter reads it as often as it likes within the expiry period
        assert node.http("GET", path, null, oauth(session)).json.inventory.AccessKeySecret == secret

        // while running, too, only the submitter sees the 202
        HttpResult running = call(node, session, "POST", "/v1/testlib/echo", [params: [text: "wait", key: "secret-leak-1"]])
        String runningPath = new URI(running.json.location as String).path.substring("/zstack".length())
        assert node.http("GET", runningPath, null, oauth(session)).status == 202
        assert node.http("GET", runningPath, null, oauth(other)).status == 404
        assert node.http("GET", runningPath).status == 404
        org.zstack.testlib.rest.TestApiService.release("secret-leak-1")
        assert node.poll(running).status == 200
    }

    private static String unknownUuid(HttpResult unknown) {
        return (unknown.text =~ /[0-9a-f]{32}/)[0]
    }

    @Test
    void aJobSubmittedWithAnAccessKeyIsReadWithThatKeysSignatureOnly() {
        def key = new CreateAccessKeyAction(accountUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID,
                userUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID, sessionId: session).call().throwExceptionIfError().value.inventory
        String job = newJobUuid()
        HttpResult accepted = node.http("POST", "/v1/zones", [params: [name: "signed-secret-zone"]],
                signed(key.AccessKeyID, key.AccessKeySecret, "POST", "/v1/zones") + ["X-Job-UUID": job])
        assert accepted.status == 202: accepted.toString()
        String path = "/v1/api-jobs/${job}"
        HttpResult done = null
        for (int i = 0; i < 200; i++) {
            done = node.http("GET", path, null, signed(key.AccessKeyID, key.AccessKeySecret, "GET", path))
            if (done.status != 202) {
                break
            }
            Thread.sleep(50)
        }
        assert done.status == 200: done.toString()
        assert done.json.inventory.name == "signed-secret-zone"
        assert node.http("GET", path, null, signed(key.AccessKeyID, key.AccessKeySecret + "x", "GET", path)).status == 404
        assert node.http("GET", path, null, signed(key.AccessKeyID, key.AccessKeySecret, "GET", "/v1/zones")).status == 404
        assert node.http("GET", path, null, oauth(session)).status == 404
        // the SDK polls with its signature as well; in a new second, so that its POST is not signed as the one above
        // (the same method, path and second give the same signature, which is accepted once)
        Thread.sleep(1000)
        def sdk = new org.zstack.sdk.CreateZoneAction(name: "signed-sdk-zone", accessKeyId: key.AccessKeyID,
                accessKeySecret: key.AccessKeySecret).call()
        assert sdk.error == null: sdk.error
    }

    @Test
    void anAccessKeysSecretNeverReachesTheApiJobTable() {
        String job = newJobUuid()
        HttpResult done = node.poll(createAccessKey(session, job))
        String secret = done.json.inventory.AccessKeySecret
        assert secret
        String table = apiJobTable()
        assert table.contains(job)
        assert !table.contains(secret)
        assert !table.contains("AccessKeySecret")
        assert !table.contains(session): "the table keeps a digest of the session, not the session"
        // through the SDK, too
        def viaSdk = new CreateAccessKeyAction(accountUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID,
                userUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID, sessionId: session).call().throwExceptionIfError().value.inventory
        assert viaSdk.AccessKeySecret
        assert !apiJobTable().contains(viaSdk.AccessKeySecret)

        // after a restart the secret is gone from everywhere: the poll answers the key without it
        node.restart()
        zstack.login()
        HttpResult after = node.http("GET", "/v1/api-jobs/${job}", null, done.requestHeaders.findAll { k, v -> k == "Authorization" })
        assert after.status == 200: after.toString()
        assert after.json.inventory.AccessKeyID == done.json.inventory.AccessKeyID
        assert after.json.inventory.AccessKeySecret == null
        assert !after.text.contains(secret)
    }

    @Test
    void thePasswordIsStoredSaltedAndSlowAndTheStoredValueIsNoLogin() {
        DatabaseFacade dbf = node.bean(DatabaseFacade)
        String digest = AbstractLogInAction.sha512("password")
        String stored = dbf.findByUuid(AccountConstant.INITIAL_SYSTEM_ADMIN_UUID, AccountVO).password
        assert stored != digest
        assert !stored.contains(digest)
        assert stored.startsWith('$pbkdf2-sha256$')
        // a copy of the database is no login
        assert new LogInByAccountAction(accountName: "admin", password: stored).call().error?.code == "ID.1000"

        // a row of an older version (the bare SHA-512) logs in once and is rewritten at that login
        dbf.updateById(AccountVO, AccountConstant.INITIAL_SYSTEM_ADMIN_UUID) { AccountVO a -> a.password = digest }
        assert new LogInByAccountAction(accountName: "admin", password: "wrong").call().error?.code == "ID.1000"
        assert dbf.findByUuid(AccountConstant.INITIAL_SYSTEM_ADMIN_UUID, AccountVO).password == digest: "a failed login rewrites nothing"
        assert node.login()
        String upgraded = dbf.findByUuid(AccountConstant.INITIAL_SYSTEM_ADMIN_UUID, AccountVO).password
        assert upgraded.startsWith('$pbkdf2-sha256$')
        assert upgraded != stored: "a fresh salt"
        // both forms a client sends still log in; the stored value does not
        assert new LogInByAccountAction(accountName: "admin", password: digest).call().error == null
        assert node.http("PUT", "/v1/accounts/login", [logInByAccount: [accountName: "admin", password: digest]]).status == 200
        assert node.http("PUT", "/v1/accounts/login", [logInByAccount: [accountName: "admin", password: upgraded]]).status == 503

        int n = 20
        long begin = System.nanoTime()
        n.times { node.login() }
        double ms = (System.nanoTime() - begin) / 1e6 / n
        println String.format("login latency: %.1f ms per login (PBKDF2-HMAC-SHA256, salted, %s)", ms,
                TestDatabase.isMariaDB() ? "MariaDB" : "H2")
    }

    @Test
    void theDataDirectoryAndTheKeyFileAreTheNodesAlone() {
        // the node's own data directory: 0700, every file in it 0600 (the H2 files included)
        assertPrivate(node.dataDir)
        Path key = node.dataDir.resolve("secret.key")
        assert Files.isRegularFile(key)

        // a data directory that does not exist yet is created 0700; one left 0755 with a 0644 key by an older
        // version is narrowed at boot
        Path parent = Files.createTempDirectory("secret-leak-dirs")
        Path fresh = parent.resolve("fresh/data")
        Path old = parent.resolve("old")
        Files.createDirectories(old, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")))
        Files.copy(key, old.resolve("secret.key"))
        Files.setPosixFilePermissions(old.resolve("secret.key"), PosixFilePermissions.fromString("rw-r--r--"))
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"))
        try {
            for (Path dir : [fresh, old]) {
                TestNode other = TestNode.start(["management.server.dataDir": dir.toString()])
                try {
                    assert other.login()
                    assertPrivate(dir)
                    assert Files.isRegularFile(dir.resolve("secret.key"))
                    if (!TestDatabase.isMariaDB()) {
                        assert Files.list(dir.resolve("db")).anyMatch { it.fileName.toString().endsWith(".mv.db") }
                    }
                    assert Files.list(dir).noneMatch { it.fileName.toString().startsWith(".secret.key") }: "no temporary key file is left"
                } finally {
                    other.stop()
                    node.configureSdk()
                }
            }
            assert Files.readString(old.resolve("secret.key")) == Files.readString(key): "an existing key is kept"
        } finally {
            parent.toFile().deleteDir()
            // the kernel's static query helper (Q) follows the node started last: give it back to this case's node
            node.restart()
            zstack.login()
        }
    }

    private static void assertPrivate(Path dir) {
        assert Files.getPosixFilePermissions(dir) == PosixFilePermissions.fromString("rwx------"): dir
        Files.walk(dir).withCloseable { all ->
            all.filter { !Files.isSymbolicLink(it) }.forEach { Path p ->
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS))
                assert mode == (Files.isDirectory(p) ? "rwx------" : "rw-------"): "${p} is ${mode}"
            }
        }
    }

    @Test
    void atTraceLevelNoPasswordNorSecretIsLogged() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory()
        List<String> names = [Logger.ROOT_LOGGER_NAME, "org.eclipse.jetty", "org.hibernate", "org.hibernate.orm.jdbc.bind",
                              "org.hibernate.SQL", "com.zaxxer", "org.springframework", "org.flywaydb", "org.zstack"]
        Map<String, Level> before = names.collectEntries { [(it): ctx.getLogger(it).level] }
        LogCapture capture = new LogCapture().attach()
        String wrong = "Wr0ng-Trace-Passw0rd-" + newJobUuid()
        String digest = AbstractLogInAction.sha512("password")
        String secret
        String keySession
        try {
            names.each { ctx.getLogger(it).level = Level.TRACE }
            LoggerFactory.getLogger("org.zstack.test.SecretLeakCase").trace(CAPTURE_CHECK)
            assert ctx.getLogger("org.eclipse.jetty").isTraceEnabled() == false: "capped whatever its level"
            keySession = node.login()
            assert node.http("PUT", "/v1/accounts/login", [logInByAccount: [accountName: "admin", password: digest]]).status == 200
            assert node.http("PUT", "/v1/accounts/login", [logInByAccount: [accountName: "admin", password: wrong]]).status == 503
            HttpResult created = node.poll(createAccessKey(keySession))
            secret = created.json.inventory.AccessKeySecret
            assert secret
            // the secret in use: a signed query and a signed async call
            assert node.http("GET", "/v1/zones", null, signed(created.json.inventory.AccessKeyID, secret, "GET", "/v1/zones")).status == 200
            assert new org.zstack.sdk.CreateZoneAction(name: "trace-zone", accessKeyId: created.json.inventory.AccessKeyID,
                    accessKeySecret: secret).call().error == null
        } finally {
            before.each { n, l -> ctx.getLogger(n).level = l }
            capture.detach()
        }
        String log = capture.text
        assert log.contains(CAPTURE_CHECK): "the capture saw what was logged"
        for (String s : [digest, wrong, secret, keySession, '"password"']) {
            assert !log.contains(s): "the log at TRACE contains ${s.take(12)}…"
        }
    }
}
