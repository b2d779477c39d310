package org.zstack.testlib

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * A real host agent (plugin/kvm-agent's jar) running as its own process on a loopback address, the way a KVM
 * host runs it. Each "host" of a test gets its own address (127.0.0.2, 127.0.0.3, ...) and they share one port,
 * as ZStack's hosts share 7070.
 * <p>
 * Its host secret is not made here: the agent is told where to find it ({@code --secret-file
 * SECRETS_DIR/<ip>.secret}) and refuses every command until the node's AddKVMHost runs the deployment's secret
 * step (ansible, local connection), which writes that file as it would on a real host. Nodes of such tests are
 * started with {@link #NODE_PROPERTIES}.
 */
class AgentProcess {
    static final Path JAR = locateJar()
    /** One directory (0700) for the host secrets of this test JVM's agents, one file per agent address. */
    static final Path SECRETS_DIR = Files.createTempDirectory("zstack-agent-secrets",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
    /** What a node needs to hand these agents their secrets: where they read them, and ansible run locally. */
    static final Map<String, String> NODE_PROPERTIES = [
            "KVMAgent.secretFile"       : SECRETS_DIR.resolve("{managementIp}.secret").toString(),
            "KVMHost.ansible.connection": "local",
    ].asImmutable()

    /** The secret the node installed for the agent of ip; null before its AddKVMHost. */
    static String secretOf(String ip) {
        Path f = secretFile(ip)
        return Files.exists(f) ? Files.readString(f).trim() : null
    }

    static Path secretFile(String ip) {
        return SECRETS_DIR.resolve(ip + ".secret")
    }

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
                "--state-dir", stateDir.toString(), "--libvirt-uri", libvirtUri, "--secret-file", secretFile(ip).toString())
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

    /** The host secret the node installed for this agent; null before its AddKVMHost. */
    String secret() {
        return secretOf(ip)
    }

    Path getLogFile() {
        return stateDir.resolve("agent.log")
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
        Files.deleteIfExists(secretFile(ip))
    }
}
