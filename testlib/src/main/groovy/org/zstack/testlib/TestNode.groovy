package org.zstack.testlib

import org.zstack.core.ZStackProperties
import org.zstack.core.boot.ManagementNode
import org.zstack.sdk.LogInByAccountAction
import org.zstack.sdk.ZSClient
import org.zstack.sdk.ZSConfig

import java.net.http.HttpClient
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * A real management node in this JVM, on a free loopback port, with its own data directory and database. The SDK
 * is configured to talk to it; {@link #http} talks raw HTTP to it. restart() keeps the data directory and database,
 * as a node restarted on the same machine would.
 */
class TestNode {
    final Path dataDir
    final Properties dbProps
    final Properties extra
    ManagementNode node
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build()

    private TestNode(Properties extra) {
        this.dataDir = Files.createTempDirectory("zstack-test-node")
        // a database given by the test (shared with another node) is the test's to drop
        this.dbProps = extra.getProperty("DB.url") ? new Properties() : TestDatabase.newDatabase()
        this.extra = extra
    }

    static TestNode start(Map<String, String> extra = [:]) {
        Properties p = new Properties()
        extra.each { k, v -> p.setProperty(k, v) }
        TestNode n = new TestNode(p)
        n.boot()
        return n
    }

    private void boot() {
        Properties p = new Properties()
        p.setProperty("management.server.dataDir", dataDir.toString())
        p.setProperty("RESTFacade.port", "0")
        p.setProperty("RESTFacade.hostname", "127.0.0.1")
        p.putAll(dbProps)
        p.putAll(extra)
        node = new ManagementNode(new ZStackProperties(p)).start()
        configureSdk()
    }

    /** Points the SDK (one configuration per JVM) at this node, e.g. again after another node was started. */
    void configureSdk() {
        ZSClient.configure(new ZSConfig.Builder().setHostname("127.0.0.1").setPort(node.port)
                .setContextPath("zstack").setDefaultPollingTimeout(60000, java.util.concurrent.TimeUnit.MILLISECONDS)
                .setDefaultPollingInterval(50, java.util.concurrent.TimeUnit.MILLISECONDS).build())
    }

    int getPort() { node.port }

    String getBaseUrl() { "http://127.0.0.1:${node.port}/zstack" }

    def <T> T bean(Class<T> clz) { node.getBean(clz) }

    void restart() {
        node.stop()
        boot()
    }

    void stop() {
        node?.stop()
        node = null
        TestDatabase.drop(dbProps)
        dataDir.toFile().deleteDir()
    }

    /** Logs in as admin through the SDK and returns the session uuid. */
    String login(String password = "password") {
        def a = new LogInByAccountAction()
        a.accountName = "admin"
        a.password = password
        return a.call().throwExceptionIfError().value.inventory.uuid
    }

    /** body: a Map (sent as JSON) or a String (sent as is). path: under /zstack, e.g. "/v1/zones". */
    HttpResult http(String method, String path, Object body = null, Map<String, String> headers = [:]) {
        return HttpResult.send(client, baseUrl, method, path, body, headers)
    }

    /**
     * Follows a 202's location until the job is no longer running, with the session the job was submitted with (only
     * the submitter may read a job).
     */
    HttpResult poll(HttpResult accepted, long timeoutMs = 60000) {
        assert accepted.status == 202: accepted.toString()
        String location = accepted.json.location
        String path = location.substring(location.indexOf("/zstack") + "/zstack".length())
        long deadline = System.currentTimeMillis() + timeoutMs
        while (true) {
            HttpResult r = http("GET", path, null, accepted.requestHeaders.findAll { k, v -> k == "Authorization" })
            if (r.status != 202 || System.currentTimeMillis() > deadline) {
                return r
            }
            Thread.sleep(20)
        }
    }
}
