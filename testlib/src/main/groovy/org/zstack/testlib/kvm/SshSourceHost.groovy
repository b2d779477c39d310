package org.zstack.testlib.kvm

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * A KVM "source host" for the migration tests: an sshd of the tests' own on a loopback address and a port of its
 * own (testlib/src/main/ssh/source-sshd.sh), with a key pair the test made, in front of this machine's libvirtd —
 * so {@code qemu+ssh://root@127.0.0.4:2222/system} with {@link #getPrivateKey()} reaches the domains a
 * {@link KvmGuestFixture} defined, and their disk files are readable over the same SSH.
 *
 * <pre>
 *   def host = SshSourceHost.start()                        // 127.0.0.4:2222, keys under $TMPDIR/zstack-v2v-source-ssh-2222
 *   host.libvirtUri                                         // qemu+ssh://root@127.0.0.4:2222/system
 *   host.privateKey                                         // the key's text: what sshPrivKey of the API takes
 *   def (rc, out, err) = host.ssh("qemu-img info /path")    // as root, with the key
 *   host.virsh(["list", "--all"])                           // virsh over the ssh transport
 *   host.stop()
 * </pre>
 *
 * {@link #start} is idempotent: an sshd already running for the directory is reused (its keys stay the same), so
 * cases and JVMs can share one. It never touches the machine's own sshd, /etc/ssh or port 22.
 */
class SshSourceHost {
    static final String SCRIPT = "source-sshd.sh"
    static final String DEFAULT_ADDRESS = "127.0.0.4"
    static final int DEFAULT_PORT = 2222

    final String address
    final int port
    /** where the sshd's config, host key, client key pair, pid file and log are */
    final Path dir
    /** the client's private key (ed25519, no passphrase) that root on the source host accepts */
    final Path privateKeyPath

    private SshSourceHost(String address, int port, Path dir, Path privateKeyPath) {
        this.address = address
        this.port = port
        this.dir = dir
        this.privateKeyPath = privateKeyPath
    }

    /** Starts the sshd (or finds it already running for {@code dir}) and waits until it lets the key in. */
    static SshSourceHost start(String address = DEFAULT_ADDRESS, int port = DEFAULT_PORT, Path dir = defaultDir(port)) {
        Path d = dir.toAbsolutePath().normalize()
        Result r = run(["bash", scriptPath().toString(), d.toString(), address, String.valueOf(port)], 120)
        if (r.exitCode != 0) {
            throw new IllegalStateException("starting the source host's sshd on ${address}:${port} (${scriptPath()} ${d}) failed" +
                    " (exit ${r.exitCode}): ${r.stderr}${r.stdout}")
        }
        String key = r.stdout.readLines()*.trim().findAll { it }.last()
        return new SshSourceHost(address, port, d, Path.of(key))
    }

    /** the default directory of a source host on this port: $TMPDIR/zstack-v2v-source-ssh-&lt;port&gt; */
    static Path defaultDir(int port) {
        return Path.of(System.getProperty("java.io.tmpdir") ?: "/tmp", "zstack-v2v-source-ssh-${port}")
    }

    /**
     * testlib/src/main/ssh/source-sshd.sh of this checkout: -Dzstack.source.sshd.script (the script itself), else
     * next to the guest builder when -Dzstack.guest.builder.dir names it, else found upwards from the working dir.
     */
    static Path scriptPath() {
        String configured = System.getProperty("zstack.source.sshd.script") ?: System.getenv("ZSTACK_SOURCE_SSHD_SCRIPT")
        if (configured) {
            Path p = Path.of(configured).toAbsolutePath().normalize()
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("no ${p} (zstack.source.sshd.script)")
            }
            return p
        }
        String builder = System.getProperty("zstack.guest.builder.dir") ?: System.getenv("ZSTACK_GUEST_BUILDER_DIR")
        if (builder) {
            Path p = Path.of(builder).toAbsolutePath().normalize().resolveSibling("ssh").resolve(SCRIPT)
            if (Files.isRegularFile(p)) {
                return p
            }
        }
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.parent) {
            Path candidate = d.resolve("testlib/src/main/ssh").resolve(SCRIPT)
            if (Files.isRegularFile(candidate)) {
                return candidate.normalize()
            }
        }
        throw new IllegalStateException("cannot find testlib/src/main/ssh/${SCRIPT} above ${System.getProperty('user.dir')};" +
                " set -Dzstack.source.sshd.script")
    }

    /** the private key's text (OpenSSH format): what the API's sshPrivKey takes */
    String getPrivateKey() { Files.readString(privateKeyPath) }

    Path getPublicKeyPath() { privateKeyPath.resolveSibling(privateKeyPath.fileName.toString() + ".pub") }

    String getPublicKey() { Files.readString(publicKeyPath).trim() }

    /** the sshd's host key as a known_hosts line ("[127.0.0.4]:2222 ssh-ed25519 AAAA..."), to pin it */
    String getKnownHostsLine() {
        List<String> key = Files.readString(dir.resolve("host_ed25519.pub")).trim().split(/\s+/).toList()
        return "[${address}]:${port} ${key[0]} ${key[1]}"
    }

    /** qemu+ssh://root@&lt;address&gt;:&lt;port&gt;/system: the URI a user gives ListVMsFromKVMHost */
    String getLibvirtUri() { "qemu+ssh://root@${address}:${port}/system" }

    /**
     * {@link #getLibvirtUri()} with the parameters virsh needs to use it unattended: this key file, no host key
     * check, no tty
     */
    String virshUri(Path keyFile = privateKeyPath) {
        return "${libvirtUri}?keyfile=${keyFile}&no_verify=1&no_tty=1"
    }

    /** virsh -c {@link #virshUri} with the arguments: [exitCode, stdout, stderr] */
    List virsh(List<String> args, long timeoutSeconds = 120) {
        Result r = run(["virsh", "-c", virshUri()] + args, timeoutSeconds)
        return [r.exitCode, r.stdout, r.stderr]
    }

    /** ssh's command line as root to the source host with a key (BatchMode, no host key checks) */
    List<String> sshArgs(Path keyFile = privateKeyPath, int connectTimeoutSeconds = 10) {
        return ["ssh", "-i", keyFile.toString(), "-p", String.valueOf(port),
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=${connectTimeoutSeconds}".toString(),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "root@${address}".toString()]
    }

    /**
     * Runs a shell command line as root on the source host: [exitCode, stdout, stderr]; 255 is ssh's own failure
     * (no connection, key refused), -1 a timeout.
     */
    List ssh(String command, Path keyFile = privateKeyPath, long timeoutSeconds = 120) {
        Result r = run(sshArgs(keyFile) + [command], timeoutSeconds)
        return [r.exitCode, r.stdout, r.stderr]
    }

    /** whether the sshd of this directory still runs */
    boolean isRunning() {
        Path pid = dir.resolve("sshd.pid")
        if (!Files.isRegularFile(pid)) {
            return false
        }
        String p = Files.readString(pid).trim()
        return p ==~ /\d+/ && Files.exists(Path.of("/proc", p))
    }

    /** Stops the sshd (its keys stay in {@link #dir}: a later start gives the same ones). */
    void stop() {
        Result r = run(["bash", scriptPath().toString(), "--stop", dir.toString()], 60)
        if (r.exitCode != 0) {
            throw new IllegalStateException("stopping the sshd of ${dir} failed (exit ${r.exitCode}): ${r.stderr}${r.stdout}")
        }
    }

    String toString() { "SshSourceHost(${libvirtUri}, key ${privateKeyPath})" }

    // --------------------------------------------------------------------------------------------- processes

    static class Result {
        int exitCode
        String stdout
        String stderr
    }

    /** a command's exit code, stdout and stderr; never throws for a non-zero exit (-1: timed out) */
    static Result run(List<String> cmd, long timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin:" + (System.getenv("PATH") ?: ""))
        Process p = pb.start()
        StringBuilder out = new StringBuilder()
        StringBuilder err = new StringBuilder()
        Thread outReader = Thread.start { out.append(p.inputStream.getText(StandardCharsets.UTF_8.name())) }
        Thread errReader = Thread.start { err.append(p.errorStream.getText(StandardCharsets.UTF_8.name())) }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            p.waitFor(10, TimeUnit.SECONDS)
            outReader.join(5000)
            errReader.join(5000)
            return new Result(exitCode: -1, stdout: out.toString(),
                    stderr: err.toString() + "\n${cmd.join(' ')}: no result within ${timeoutSeconds} s")
        }
        outReader.join()
        errReader.join()
        return new Result(exitCode: p.exitValue(), stdout: out.toString(), stderr: err.toString())
    }
}
