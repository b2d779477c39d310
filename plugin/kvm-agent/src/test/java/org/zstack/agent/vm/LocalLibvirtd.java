package org.zstack.agent.vm;

import org.zstack.agent.ProcessRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * This machine's libvirtd for integration tests, started when it does not run (no systemd here:
 * {@code virtlogd -d; libvirtd -d}), and libvirt's {@code default} NAT network, defined and started when needed.
 * Left running afterwards: other tests and other processes on the machine share the one libvirtd.
 * Every step tolerates a concurrent starter, since another test JVM may be doing the same.
 */
final class LocalLibvirtd {
    static final String URI = "qemu:///system";
    private static final Path LIBVIRTD = Path.of("/usr/sbin/libvirtd");
    private static final Path SOCKET = Path.of("/run/libvirt/libvirt-sock");
    private static final Path DEFAULT_NETWORK_XML = Path.of("/usr/share/libvirt/networks/default.xml");

    private LocalLibvirtd() {
    }

    static void ensureRunning() throws Exception {
        // the package may still be being installed by apt on a fresh machine
        waitFor(() -> Files.isExecutable(LIBVIRTD), Duration.ofMinutes(5), LIBVIRTD + " (apt install libvirt-daemon-system)");
        if (alive("/run/libvirtd.pid") && Files.exists(SOCKET)) {
            return;
        }
        Files.createDirectories(SOCKET.getParent());
        if (!alive("/run/virtlogd.pid")) {
            // the serial console log is written by virtlogd; without it the domain does not start
            run(List.of("virtlogd", "-d"), Duration.ofSeconds(10));
        }
        if (!alive("/run/libvirtd.pid")) {
            run(List.of("libvirtd", "-d"), Duration.ofSeconds(30));
        }
        waitFor(() -> Files.exists(SOCKET), Duration.ofSeconds(60), SOCKET.toString());
    }

    /** The bridge of libvirt's "default" network (virbr0), which is then active. */
    static String defaultNetworkBridge() throws Exception {
        ProcessRunner.Result info = virsh("net-info", "default");
        if (!info.ok()) {
            virsh("net-define", DEFAULT_NETWORK_XML.toString()); // may lose a race to another definer: re-read below
            info = virsh("net-info", "default");
        }
        if (!info.stdout().matches("(?s).*Active:\\s+yes.*")) {
            virsh("net-start", "default");
            info = virsh("net-info", "default");
        }
        if (!info.ok() || !info.stdout().matches("(?s).*Active:\\s+yes.*")) {
            throw new IllegalStateException("libvirt's default network is not active: " + info);
        }
        for (String line : info.stdout().split("\\R")) {
            if (line.startsWith("Bridge:")) {
                return line.substring("Bridge:".length()).trim();
            }
        }
        throw new IllegalStateException("no bridge in virsh net-info default: " + info.stdout());
    }

    static ProcessRunner.Result virsh(String... args) throws IOException {
        List<String> argv = new java.util.ArrayList<>(List.of("virsh", "-c", URI));
        argv.addAll(List.of(args));
        return ProcessRunner.run(argv, Duration.ofSeconds(60));
    }

    private static void run(List<String> argv, Duration timeout) throws IOException {
        ProcessRunner.Result r = ProcessRunner.run(argv, timeout);
        if (!r.ok()) {
            // a daemon started meanwhile by someone else refuses to start twice; the waits below tell
            System.out.println(argv + " failed: " + r);
        }
    }

    private static boolean alive(String pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(Path.of(pidFile)).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still no " + what + " after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
