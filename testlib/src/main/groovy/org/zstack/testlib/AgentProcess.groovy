package org.zstack.testlib

import java.nio.file.Files
import java.nio.file.Path

/**
 * A real host agent (plugin/kvm-agent's jar) running as its own process on a loopback address, the way a KVM
 * host runs it. Each "host" of a test gets its own address (127.0.0.2, 127.0.0.3, ...) and they share one port,
 * as ZStack's hosts share 7070.
 */
class AgentProcess {
    static final Path JAR = locateJar()

    final String ip
    final int port
    final Path stateDir
    final String libvirtUri
    private Process process

    AgentProcess(String ip, int port, String libvirtUri = "test:///default") {
        this.ip = ip
        this.port = port
        this.libvirtUri = libvirtUri
        this.stateDir = Files.createTempDirectory("zstack-agent-" + ip)
    }

    /** A port that is free on every loopback address the tests use. */
    static int freePort() {
        new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")).withCloseable { it.localPort }
    }

    private static Path locateJar() {
        Path p = Path.of(System.getProperty("zstack.agent.jar", "../plugin/v2v-agent/target/zstack-v2v-agent.jar"))
        return p.toAbsolutePath().normalize()
    }

    AgentProcess start() {
        assert Files.isRegularFile(JAR): "the agent jar ${JAR} is missing: build plugin/v2v-agent first"
        process = new ProcessBuilder("java", "-Xmx128m", "-jar", JAR.toString(), "--host", ip, "--port", String.valueOf(port),
                "--state-dir", stateDir.toString(), "--libvirt-uri", libvirtUri)
                .redirectErrorStream(true)
                .redirectOutput(stateDir.resolve("stdout.log").toFile())
                .start()
        long deadline = System.currentTimeMillis() + 30000
        while (!listening()) {
            assert process.alive: "the agent on ${ip}:${port} exited: " + stateDir.resolve("stdout.log").text
            assert System.currentTimeMillis() < deadline: "the agent on ${ip}:${port} did not listen within 30 s"
            Thread.sleep(100)
        }
        return this
    }

    boolean listening() {
        try {
            new Socket().withCloseable { it.connect(new InetSocketAddress(ip, port), 200) }
            return true
        } catch (IOException ignored) {
            return false
        }
    }

    /** SIGSTOP: the agent accepts connections (the kernel queues them) but answers nothing, as a hung host. */
    void freeze() {
        signal("STOP")
    }

    /** SIGCONT after {@link #freeze}: the queued requests are answered. */
    void thaw() {
        signal("CONT")
    }

    private void signal(String name) {
        Process p = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).redirectErrorStream(true).start()
        assert p.waitFor() == 0: "kill -${name} ${process.pid()}: " + p.inputStream.text
    }

    /** What the agent logged so far (its log files and its output). */
    String logText() {
        StringBuilder b = new StringBuilder()
        stateDir.toFile().eachFileRecurse { f -> if (f.isFile() && (f.name.endsWith(".log") || f.name.contains(".log."))) { b.append(f.text) } }
        return b.toString()
    }

    /** Like a crash: no goodbye to the management node. */
    void kill() {
        process?.destroyForcibly()
        process?.waitFor()
    }

    void stop() {
        kill()
        stateDir.toFile().deleteDir()
    }
}
