package org.zstack.test.integration.host

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.AddKVMHostAction
import org.zstack.sdk.HostInventory
import org.zstack.testlib.AgentProcess

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.atomic.AtomicBoolean

/**
 * A host deployment hands its SSH password and private key to ansible through a pipe and memory-only files: while
 * it runs and after it, no file under the temp directory or the node's data directory holds them, and no process's
 * command line shows them. A node at boot removes what an older version's runner left behind (a vars.json with the
 * password, from a node killed during a deployment).
 */
class AgentDeploySecretsCase {
    static final String PASSWORD = "Deploy-Secret-" + UUID.randomUUID()
    static final String KEY_MARK = "KEYMARK" + UUID.randomUUID().toString().replace("-", "")
    static final String OLD_PASSWORD = "Old-Leftover-" + UUID.randomUUID()
    static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"))
    static HostEnv env
    static Path installDir
    static Path stateDir
    static Path leftover
    static long begin

    @BeforeAll
    static void boot() {
        begin = System.currentTimeMillis()
        // what a node of the older version left when it was killed during a deployment, two minutes ago
        leftover = Files.createTempDirectory("zstack-ansible")
        Files.writeString(leftover.resolve("vars.json"), """{"ansible_password": "${OLD_PASSWORD}"}""")
        Files.writeString(leftover.resolve("id"), "-----BEGIN OPENSSH PRIVATE KEY-----\n")
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 120_000)
        [leftover.resolve("vars.json"), leftover.resolve("id"), leftover].each { Files.setLastModifiedTime(it, old) }

        installDir = Files.createTempDirectory("agent-install")
        stateDir = Files.createTempDirectory("agent-state")
        env = new HostEnv([
                "KVMHost.skipDeploy"        : "false",
                "KVMHost.ansible.connection": "local",
                "KVMHost.skipPackages"      : "true",
                "KVMAgent.installDir"       : installDir.toString(),
                "KVMAgent.stateDir"         : stateDir.toString(),
                "KVMAgent.libvirtUri"       : "test:///default",
                "KVMAgent.jar"              : AgentProcess.JAR.toString(),
        ])
    }

    @AfterAll
    static void shutdown() {
        def script = installDir?.resolve("zstack-v2v-agent.sh")
        if (script != null && Files.exists(script)) {
            new ProcessBuilder(script.toString(), "stop").inheritIO().start().waitFor()
        }
        env?.stop()
        installDir?.toFile()?.deleteDir()
        stateDir?.toFile()?.deleteDir()
        leftover?.toFile()?.deleteDir()
    }

    /** Files changed since the case began, under the temp directory and the node's data directory, holding a secret. */
    static List<String> filesWithSecrets() {
        List<String> found = []
        for (Path root : [TMP, env.node.dataDir]) {
            try {
                // the temp directory is shared with everything else on the machine: what the old runner wrote sat two levels deep
                Files.walk(root, root == TMP ? 4 : Integer.MAX_VALUE).withCloseable { all ->
                    all.filter { p ->
                        try {
                            Files.isRegularFile(p) && !Files.isSymbolicLink(p) && Files.size(p) < 1_000_000 &&
                                    Files.getLastModifiedTime(p).toMillis() >= begin - 1000 && Files.isReadable(p)
                        } catch (IOException ignored) {
                            false
                        }
                    }.forEach { Path p ->
                        try {
                            String text = new String(Files.readAllBytes(p), "ISO-8859-1")
                            if (text.contains(PASSWORD) || text.contains(KEY_MARK)) {
                                found << p.toString()
                            }
                        } catch (IOException ignored) {
                            // removed meanwhile
                        }
                    }
                }
            } catch (UncheckedIOException ignored) {
                // a file vanished during the walk (other processes use the temp directory too); the next scan sees it
            }
        }
        return found
    }

    static List<String> commandLinesWithSecrets() {
        List<String> found = []
        new File("/proc").listFiles().findAll { it.name ==~ /\d+/ }.each { File d ->
            try {
                String cmd = new File(d, "cmdline").getText("ISO-8859-1")
                if (cmd.contains(PASSWORD) || cmd.contains(KEY_MARK)) {
                    found << cmd.replace('\0' as char, ' ' as char)
                }
            } catch (IOException ignored) {
                // gone
            }
        }
        return found
    }

    @Test
    void theDeploymentLeavesNoSecretInAnyFileOrCommandLine() {
        assert !Files.exists(leftover): "the node removed the older version's leftover at boot"

        AtomicBoolean done = new AtomicBoolean()
        List<String> seen = Collections.synchronizedList([])
        int scans = 0
        Thread watcher = Thread.start {
            while (!done.get()) {
                seen.addAll(commandLinesWithSecrets())
                seen.addAll(filesWithSecrets())
                scans++
                Thread.sleep(100)
            }
        }
        // a key ansible's local connection never uses, but which goes the same way as a real one
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\n${KEY_MARK}\n-----END OPENSSH PRIVATE KEY-----\n"
        HostInventory h
        try {
            h = new AddKVMHostAction(name: "secret-host", managementIp: "127.0.0.6", clusterUuid: env.cluster.uuid,
                    username: "root", password: PASSWORD, sshPrivateKey: key, sessionId: env.session)
                    .call().throwExceptionIfError().value.inventory
        } finally {
            done.set(true)
            watcher.join()
        }
        assert h.status == "Connected"
        println "scanned the temp and data directories and all command lines ${scans} times during the deployment"
        assert scans > 0
        assert seen.isEmpty(): "a secret was visible during the deployment: ${seen.unique()}"
        assert filesWithSecrets().isEmpty()
        assert commandLinesWithSecrets().isEmpty()
        assert PosixFilePermissions.toString(Files.getPosixFilePermissions(env.node.dataDir)) == "rwx------"
    }
}
