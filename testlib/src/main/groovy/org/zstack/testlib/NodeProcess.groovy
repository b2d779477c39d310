package org.zstack.testlib

import java.net.http.HttpClient
import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Matcher
import java.time.Duration
import java.util.regex.Pattern

/**
 * A real management node in a process of its own, booted the way production boots one ({@code org.zstack.core.boot.Main}
 * with {@code -Dzstack.properties=<file>}) from the test's own class path (the built modules and their
 * dependencies, testlib's test APIs included). Only a separate process can be killed as a crash kills a node
 * ({@link #kill}: SIGKILL, no shutdown hook, no goodbye in the database); a node in the test's JVM always stops
 * cleanly. Its output goes to {@code node.log} in its data directory.
 */
class NodeProcess {
    private static final Pattern STARTED = Pattern.compile(/management node ([0-9a-f]{32}) started on port (\d+)/)

    final Path dataDir = Files.createTempDirectory("zstack-node-process")
    final Path log = dataDir.resolve("node.log")
    final int port = AgentProcess.freePort()
    final Properties props = new Properties()
    String uuid
    private Process process
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build()

    /** props: zstack.properties of the node (the database, heartbeat...); the data directory and port are its own. */
    NodeProcess(Map<String, String> props) {
        props.each { k, v -> this.props.setProperty(k, v) }
        this.props.setProperty("management.server.dataDir", dataDir.toString())
        this.props.setProperty("RESTFacade.port", String.valueOf(port))
        this.props.setProperty("RESTFacade.hostname", "127.0.0.1")
    }

    /** Starts the node and waits (up to timeoutSeconds) until it logs that it is ready. */
    NodeProcess start(long timeoutSeconds = 180) {
        Path file = dataDir.resolve("zstack.properties")
        file.toFile().withWriter { props.store(it, "NodeProcess") }
        // surefire runs the tests from a manifest-only jar: the real class path is in this property
        String cp = System.getProperty("surefire.test.class.path") ?: System.getProperty("java.class.path")
        Path java = Path.of(System.getProperty("java.home"), "bin", "java")
        process = new ProcessBuilder(java.toString(), "-Xmx512m", "-Dzstack.properties=" + file, "-cp", cp,
                "org.zstack.core.boot.Main")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start()
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000
        while (uuid == null) {
            Matcher m = STARTED.matcher(Files.exists(log) ? Files.readString(log) : "")
            if (m.find()) {
                uuid = m.group(1)
                assert Integer.parseInt(m.group(2)) == port
                break
            }
            assert process.alive: "the management node process exited (${process.exitValue()}): " + tail()
            assert System.currentTimeMillis() < deadline: "the management node process did not start within ${timeoutSeconds} s: " + tail()
            Thread.sleep(200)
        }
        return this
    }

    String getBaseUrl() { "http://127.0.0.1:${port}/zstack" }

    /** As {@link TestNode#http}, to this node. */
    HttpResult http(String method, String path, Object body = null, Map<String, String> headers = [:]) {
        return HttpResult.send(client, baseUrl, method, path, body, headers)
    }

    long getPid() { process.pid() }

    boolean isAlive() { process?.alive }

    /** Like a crash: SIGKILL, so nothing of the node's own shutdown runs. */
    void kill() {
        process?.destroyForcibly()
        process?.waitFor()
    }

    String tail(int lines = 40) {
        if (!Files.exists(log)) {
            return "(no log)"
        }
        List<String> all = Files.readAllLines(log)
        return all.subList(Math.max(0, all.size() - lines), all.size()).join("\n")
    }

    void stop() {
        kill()
        dataDir.toFile().deleteDir()
    }
}
