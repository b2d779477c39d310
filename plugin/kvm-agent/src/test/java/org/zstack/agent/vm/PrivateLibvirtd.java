package org.zstack.agent.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A libvirtd of the test's own, which it may stop and restart without disturbing the machine's shared one: run in
 * a private mount namespace with empty tmpfs over libvirt's state and configuration directories (so it sees no
 * domains or networks of the real daemon), listening in a directory of the test's. It serves libvirt's test
 * driver remotely ({@link #uri()}), which is all a connection test needs and starts in about a second.
 */
final class PrivateLibvirtd implements AutoCloseable {
    private static final List<String> MASKED = List.of("/run/libvirt", "/var/lib/libvirt", "/var/cache/libvirt",
            "/etc/libvirt", "/var/log/libvirt");

    private final Path dir;
    private Process daemon;

    PrivateLibvirtd(Path dir) {
        this.dir = dir;
    }

    String uri() {
        return "test+unix:///default?socket=" + socket();
    }

    private Path socket() {
        return dir.resolve("sock/libvirt-sock");
    }

    void start() throws Exception {
        Files.createDirectories(socket().getParent());
        Path conf = Files.writeString(dir.resolve("libvirtd.conf"),
                "unix_sock_dir = \"" + socket().getParent() + "\"\nauth_unix_rw = \"none\"\nauth_unix_ro = \"none\"\n");
        StringBuilder script = new StringBuilder();
        for (String d : MASKED) {
            script.append("if [ -d ").append(d).append(" ]; then mount -t tmpfs none ").append(d).append("; fi; ");
        }
        // exec: the daemon keeps the PID of the process we hold, so stopping it is stopping exactly that one
        script.append("exec libvirtd --config ").append(conf).append(" --pid-file ").append(dir.resolve("libvirtd.pid"));
        daemon = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c", script.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("libvirtd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(socket())) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("private libvirtd exited: " + Files.readString(dir.resolve("libvirtd.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("private libvirtd made no socket in 30 s");
            }
            Thread.sleep(50);
        }
    }

    void stop() throws IOException, InterruptedException {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroy();
            if (!daemon.waitFor(15, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
                daemon.waitFor(5, TimeUnit.SECONDS);
            }
        }
        // a daemon that did not get to clean up leaves its socket; the next start must not find an old one
        Files.deleteIfExists(socket());
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
