package org.zstack.testlib.guest

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * Runs commands as root in a running copy of the {@link GuestImage} (the source VM booted somewhere, or the
 * migrated one) over OpenSSH's client: the image's key, and its host key pinned — every copy has the same one —
 * so that a wrong machine answering on the address fails instead of being trusted.
 *
 * <pre>
 *   def ssh = GuestImage.get().ssh("192.168.122.57")
 *   ssh.await(120)                       // until sshd answers and lets root in
 *   assert ssh.run("cat /etc/zstack-test-guest").output.trim() == image.token
 * </pre>
 */
class GuestSsh {
    final GuestImage image
    final String host
    final int port

    GuestSsh(GuestImage image, String host, int port = 22) {
        this.image = image
        this.host = host
        this.port = port
    }

    /** ssh's command line without the remote command; the caller appends it */
    List<String> args(int connectTimeoutSeconds = 10) {
        return ["ssh", "-i", image.privateKey.toString(), "-p", String.valueOf(port),
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=${connectTimeoutSeconds}".toString(),
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=${knownHosts(image)}".toString(),
                "-o", "HostKeyAlgorithms=ssh-ed25519", "-o", "LogLevel=ERROR", "root@${host}".toString()]
    }

    /** runs one shell command line in the guest; exit 255 is ssh's own failure (no connection, key refused) */
    GuestImage.CommandResult run(String command, long timeoutSeconds = 60) {
        Process p = new ProcessBuilder(args() + [command]).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start()
        StringBuilder out = new StringBuilder()
        Thread reader = Thread.start { out.append(p.inputStream.getText(StandardCharsets.UTF_8.name())) }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            p.waitFor(10, TimeUnit.SECONDS)
            reader.join(5000)
            return new GuestImage.CommandResult(command: command, exitCode: -1, output: out.toString() + "\n(timed out after ${timeoutSeconds} s)")
        }
        reader.join()
        return new GuestImage.CommandResult(command: command, exitCode: p.exitValue(), output: out.toString())
    }

    /**
     * Waits until root can log in (a booting TCG guest starts sshd some seconds after its address comes up);
     * fails with ssh's last answer after {@code timeoutSeconds}. Returns the seconds it took.
     */
    double await(long timeoutSeconds) {
        long begin = System.nanoTime()
        long deadline = begin + timeoutSeconds * 1_000_000_000L
        GuestImage.CommandResult last = null
        while (System.nanoTime() < deadline) {
            last = run("true", 30)
            if (last.exitCode == 0) {
                return (System.nanoTime() - begin) / 1e9d
            }
            Thread.sleep(2000)
        }
        throw new AssertionError("no ssh login as root on ${host}:${port} within ${timeoutSeconds} s; last: ${last}")
    }

    private static final Map<Path, Path> KNOWN_HOSTS = [:]

    /** a known_hosts file of this JVM that trusts the image's host key for any address ("*" pattern) */
    static synchronized Path knownHosts(GuestImage image) {
        Path f = KNOWN_HOSTS[image.dir]
        if (f == null) {
            f = Files.createTempFile("guest-known-hosts", "")
            f.toFile().deleteOnExit()
            List<String> key = image.hostKeyText.split(/\s+/).toList()
            // type and key only: the comment (root@<build machine>) means nothing here
            Files.writeString(f, "* ${key[0]} ${key[1]}\n")
            KNOWN_HOSTS[image.dir] = f
        }
        return f
    }
}
