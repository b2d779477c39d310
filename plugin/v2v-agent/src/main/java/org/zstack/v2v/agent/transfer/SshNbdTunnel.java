package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;
import org.zstack.agent.ProcessRunner;
import org.zstack.v2v.agent.job.JobProcess;
import org.zstack.v2v.agent.job.JobRegistry;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * A KVM source disk served by {@code qemu-nbd} on its own host and reached through one ssh connection: the remote
 * command makes a private temp directory ({@code mktemp -d}), starts qemu-nbd read-only on a unix socket in it, says
 * where, then blocks reading its stdin. When the ssh session goes away (closed, killed by a cancel, the network lost)
 * that read ends and the remote side kills qemu-nbd and removes the directory: nothing stays behind on the source.
 *
 * <p>The remote socket's name is known only once mktemp has run, after ssh started; so the ssh process is a
 * ControlMaster, and a second, short ssh call asks it to forward a local socket in the job directory to the remote one
 * ({@code -O forward -L}). Still one connection per disk. The key is only a file name on these command lines.
 */
final class SshNbdTunnel implements AutoCloseable {
    private static final Logger logger = Logger.getLogger(SshNbdTunnel.class.getName());

    /** ssh's own connect timeout plus qemu-nbd's start on a busy host. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(30);
    /** A unix socket's path must fit sockaddr_un (108 bytes with its NUL). */
    static final int MAX_SOCKET_PATH = 107;
    private static final String READY = "V2V-NBD-READY ";
    private static final String FAILED = "V2V-NBD-ERROR ";
    private static final String STAMP = "V2V-NBD-SOURCE ";
    private static final String DIR_LINE = "V2V-NBD-DIR ";
    private static final String PID_LINE = "V2V-NBD-PID ";

    /**
     * Run by the remote user's shell as {@code sh -c '<this>' v2v-nbd <path> <format> <share flag>}; it holds no
     * single quote, so it travels inside one. The wait for the socket is bounded, so a qemu-nbd that never listens
     * does not outlive a client that gave up.
     */
    static final String REMOTE_SCRIPT = String.join("\n",
            "p=$1; f=$2; s=$3",
            // a write to a closed session fails instead of killing the shell, and a hangup still cleans up: every
            // exit path below stops qemu-nbd (the agent also stops it by its PID, which it reads from DIR and PID)
            "trap \"\" PIPE",
            "n=; d=",
            "bye() { [ -n \"$n\" ] && kill $n 2>/dev/null; [ -n \"$d\" ] && rm -rf \"$d\"; exit 1; }",
            "trap bye HUP INT TERM",
            "command -v qemu-nbd >/dev/null 2>&1 || { echo \"" + FAILED + "no-qemu-nbd\"; exit 90; }",
            "[ -e \"$p\" ] || { echo \"" + FAILED + "no-file\"; exit 91; }",
            "[ -r \"$p\" ] || { echo \"" + FAILED + "unreadable\"; exit 92; }",
            // the file's size and mtime: what a resumed copy checks the source against (a checkpoint of another
            // version of the image is worthless)
            "echo \"" + STAMP + "$(stat -L -c \"%s %Y\" \"$p\" 2>/dev/null)\" || exit 95",
            "d=$(mktemp -d) || { echo \"" + FAILED + "no-mktemp\"; exit 93; }",
            "echo \"" + DIR_LINE + "$d\" || { rm -rf \"$d\"; exit 95; }",
            // qemu-nbd's output goes to a file, not the session: an orphaned qemu-nbd must not hold the session open
            // qemu 7.2's qemu-nbd has no --force-share: an image a paused qemu holds is opened with the file's
            // locking off (its own backing files take shared locks, which the running qemu grants)
            "if [ -n \"$s\" ]; then",
            "  if [ -b \"$p\" ]; then k=host_device; else k=file; fi",
            "  e=$(printf \"%s\" \"$p\" | sed \"s/,/,,/g\")",
            "  qemu-nbd --read-only --persistent --shared=2 --socket=\"$d/nbd.sock\" --image-opts \\",
            "    \"driver=$f,file.driver=$k,file.filename=$e,file.locking=off\" >/dev/null 2>\"$d/nbd.err\" &",
            "else",
            "  qemu-nbd --read-only --persistent --shared=2 --format=\"$f\" --socket=\"$d/nbd.sock\" \"$p\" \\",
            "    >/dev/null 2>\"$d/nbd.err\" &",
            "fi",
            "n=$!",
            "echo \"" + PID_LINE + "$n\" || { kill $n 2>/dev/null; wait $n 2>/dev/null; rm -rf \"$d\"; exit 95; }",
            "t=0",
            "while [ ! -S \"$d/nbd.sock\" ]; do",
            "  if ! kill -0 $n 2>/dev/null || [ $t -ge 300 ]; then",
            "    kill $n 2>/dev/null; wait $n 2>/dev/null; cat \"$d/nbd.err\" >&2; rm -rf \"$d\"",
            "    echo \"" + FAILED + "nbd-exited\"; exit 94",
            "  fi",
            "  sleep 0.1; t=$((t+1))",
            "done",
            "echo \"" + READY + "$d/nbd.sock\" || { kill $n 2>/dev/null; wait $n 2>/dev/null; rm -rf \"$d\"; exit 95; }",
            "cat >/dev/null",
            "kill $n 2>/dev/null; wait $n 2>/dev/null; rm -rf \"$d\"");

    private final int index;
    private final SshDiskUrl url;
    private final Path key;
    private final Path control;
    private final Path localSocket;
    private final JobRegistry.Job job;
    /** {@code disk-<i>.nbd}: where the source's qemu-nbd is recorded while it may run. */
    private final Path serverRecord;
    private Process ssh;
    private StderrTail stderr;
    /** The source's qemu-nbd, once the remote script said where; stopped by PID when the tunnel closes. */
    private volatile SourceNbdServer server;
    /** "size mtime" of the source file as the source host saw it; null until reported. */
    private volatile String sourceStamp;

    /**
     * @param control     the ControlMaster's socket: short (ssh appends a random suffix while it binds), private
     * @param localSocket where the disk's NBD export appears on this host
     * @param serverRecord where the source's qemu-nbd is recorded while it may run ({@link SourceNbdServer})
     */
    SshNbdTunnel(int index, SshDiskUrl url, Path key, Path control, Path localSocket, Path serverRecord,
                 JobRegistry.Job job) {
        this.index = index;
        this.url = url;
        this.key = key;
        this.control = control;
        this.localSocket = localSocket;
        this.serverRecord = serverRecord;
        this.job = job;
    }

    /** The NBD URI of the export on this host, for qemu-img. */
    String nbdUri() {
        return "nbd+unix:///?socket=" + localSocket;
    }

    /** The export's local socket, for qemu-img's {@code --image-opts}. */
    Path localSocket() {
        return localSocket;
    }

    /** The source file's "size mtime" as its host reported it before serving it; null when it did not say. */
    String sourceStamp() {
        String s = sourceStamp;
        return s == null || s.isBlank() ? null : s;
    }

    /** Starts qemu-nbd on the source and forwards its socket here; fails with the disk named and the cause said. */
    void open() throws IOException, InterruptedException {
        if (localSocket.toString().length() > MAX_SOCKET_PATH || control.toString().length() + 20 > MAX_SOCKET_PATH) {
            throw new AgentException(String.format("disk %d: the socket path %s is too long for a unix socket; "
                    + "use a shorter storagePath", index, localSocket));
        }
        Files.deleteIfExists(localSocket);
        Files.deleteIfExists(control);
        SourceNbdServer old = SourceNbdServer.leftBehind(job.uuid(), index, url, key, serverRecord);
        if (old != null) {
            // an agent killed mid-copy left it; the export below is a new one
            old.stop();
        }
        List<String> c = sshArgs(url, key);
        c.addAll(List.of("-M", "-S", control.toString(), "-o", "ControlPersist=no", url.host(), remoteCommand()));
        ProcessBuilder pb = new ProcessBuilder(c);
        pb.environment().put("LC_ALL", "C");
        // stdin stays a pipe that nobody writes: the remote side's "cat" ends when it closes, i.e. with this process
        ssh = pb.start();
        job.track(ssh);
        stderr = new StderrTail(ssh.getErrorStream(), "ssh-stderr-" + ssh.pid());
        String remoteSocket = awaitReady();
        JobProcess.Result fwd = JobProcess.run(job, forwardCommand(remoteSocket), FORWARD_TIMEOUT, null);
        if (!fwd.ok()) {
            throw new AgentException(String.format("disk %d: cannot forward the NBD socket of %s: %s", index,
                    url.hostAndPort(), fwd.error()));
        }
        logger.info(String.format("job %s disk %d: qemu-nbd serves %s (%s%s) at %s", job.uuid(), index, url.shown(),
                url.format(), url.forceShare() ? ", force-share" : "", localSocket));
    }

    /** The options every ssh call to a source host shares; no user config, no agent, no prompt, no host-key store. */
    static List<String> sshArgs(SshDiskUrl url, Path key) {
        return new ArrayList<>(List.of("ssh", "-F", "/dev/null",
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "ExitOnForwardFailure=yes", "-o", "ServerAliveInterval=15", "-o", "ConnectTimeout=20",
                "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
                "-i", key.toString(), "-p", String.valueOf(url.port()), "-l", url.user()));
    }

    private List<String> forwardCommand(String remoteSocket) {
        List<String> c = sshArgs(url, key);
        c.addAll(List.of("-S", control.toString(), "-O", "forward", "-L", localSocket + ":" + remoteSocket, url.host()));
        return c;
    }

    /** The command line the remote user's shell runs: the script, then its arguments, each single-quoted. */
    String remoteCommand() {
        return "sh -c " + quote(REMOTE_SCRIPT) + " v2v-nbd " + quote(url.path()) + " " + quote(url.format()) + " "
                + quote(url.forceShare() ? "shared" : "");
    }

    /** POSIX single quotes: nothing inside is special but the quote itself, which closes, escapes and reopens. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private String awaitReady() throws IOException, InterruptedException {
        CompletableFuture<String> firstLine = new CompletableFuture<>();
        Process p = ssh;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    remember(line);
                    if (line.startsWith(READY) || line.startsWith(FAILED)) {
                        firstLine.complete(line);
                    }
                }
            } catch (IOException ignored) {
                // the process went away; the wait below sees it exit
            }
            firstLine.complete(null);
        }, "ssh-stdout-" + p.pid());
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            job.checkCanceled();
            try {
                String line = firstLine.get(200, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(READY)) {
                    return line.substring(READY.length()).trim();
                }
                p.waitFor(5, TimeUnit.SECONDS);
                throw failure(line == null ? null : line.substring(FAILED.length()).trim());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new AgentException(String.format("disk %d: qemu-nbd on %s did not start within %d s%s",
                            index, url.hostAndPort(), READY_TIMEOUT.toSeconds(), stderr.suffix()));
                }
            }
        }
    }

    /** Keeps what the remote script says about its qemu-nbd, as soon as it says it. */
    private void remember(String line) {
        if (line.startsWith(STAMP)) {
            sourceStamp = line.substring(STAMP.length()).trim();
        } else if (line.startsWith(DIR_LINE) && server == null) {
            String d = line.substring(DIR_LINE.length()).trim();
            if (SourceNbdServer.isDirectory(d)) {
                SourceNbdServer s = new SourceNbdServer(job.uuid(), index, url, key, d, serverRecord);
                s.save();
                job.trackRemote(s);
                server = s;
            }
        } else if (line.startsWith(PID_LINE) && server != null) {
            try {
                server.pid(Integer.parseInt(line.substring(PID_LINE.length()).trim()));
                server.save();
            } catch (NumberFormatException ignored) {
                // without the PID the stop finds it by its directory
            }
        }
    }

    /** Says why the source did not come up, from the remote script's verdict or ssh's own complaint. */
    private AgentException failure(String remoteVerdict) throws InterruptedException {
        job.checkCanceled();
        String err = stderr.text();
        String why;
        if (remoteVerdict != null) {
            why = switch (remoteVerdict) {
                case "no-qemu-nbd" -> "qemu-nbd is not installed (package qemu-utils)";
                case "no-file" -> "no file " + url.path();
                case "unreadable" -> url.path() + " is not readable for " + url.user();
                case "no-mktemp" -> "mktemp -d failed";
                default -> "qemu-nbd could not open " + url.path() + " as " + url.format()
                        + (url.forceShare() ? "" : " (in use by a running domain? forceShare=true opens it anyway)");
            } + StderrTail.suffix(err);
            return new AgentException(String.format("disk %d: %s on %s", index, why, url.hostAndPort()));
        }
        return new AgentException(String.format("disk %d: %s", index, SshErrors.describe(url, err, exit(ssh))));
    }

    /**
     * What ssh read, as Linux counts it ({@code rchar} in /proc): the encrypted stream from the source, plus the few
     * request bytes from the local socket; the traffic the copy cost. -1 when unknown (ssh gone, no /proc).
     */
    private static long bytesReceived(Process p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "io"))) {
                if (line.startsWith("rchar:")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a figure for the log only
        }
        return -1;
    }

    private static int exit(Process p) {
        try {
            return p.exitValue();
        } catch (IllegalThreadStateException e) {
            return -1;
        }
    }

    /**
     * Ends the session: closing ssh's stdin ends the remote "cat", which stops qemu-nbd and removes its directory;
     * then ssh exits by itself. A session that does not end soon is killed (the remote side still sees EOF).
     */
    @Override
    public void close() {
        Process p = ssh;
        if (p != null) {
            long received = bytesReceived(p);
            if (received >= 0) {
                logger.info(String.format("job %s disk %d: the ssh session to %s received %d bytes", job.uuid(), index,
                        url.hostAndPort(), received));
            }
            try {
                p.getOutputStream().close();
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    // the remote side has not ended the session: stop its qemu-nbd first, which lets it end
                    stopServer();
                    if (!p.waitFor(3, TimeUnit.SECONDS)) {
                        ProcessRunner.killTree(p);
                    }
                }
            } catch (IOException ignored) {
                ProcessRunner.killTree(p);
            } catch (InterruptedException e) {
                ProcessRunner.killTree(p);
                Thread.currentThread().interrupt();
            } finally {
                job.untrack(p);
            }
        }
        // the session's end should have stopped it; whether it did depends on sshd and the remote shell noticing
        stopServer();
        try {
            Files.deleteIfExists(localSocket);
            Files.deleteIfExists(control);
        } catch (IOException e) {
            logger.warning(String.format("disk %d: cannot remove %s: %s", index, localSocket, e));
        }
    }

    private void stopServer() {
        SourceNbdServer s = server;
        if (s != null && s.stop()) {
            job.untrackRemote(s);
            server = null;
        }
    }

    boolean isAlive() {
        return ssh != null && ssh.isAlive();
    }

    /** What ssh said on stderr, as " (line)", or nothing. */
    String stderrSuffix() {
        return stderr == null ? "" : stderr.suffix();
    }

    /** Stops the session now from another thread: the copy reading through it fails at once. */
    void kill() {
        Process p = ssh;
        if (p != null) {
            ProcessRunner.killTree(p);
        }
    }

    /** ssh's stderr, read on its own thread; its head says why a connection failed. */
    static final class StderrTail {
        private static final int MAX = 16 << 10;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        StderrTail(InputStream in, String name) {
            thread = new Thread(() -> {
                byte[] chunk = new byte[4096];
                try (in) {
                    for (int n; (n = in.read(chunk)) > 0; ) {
                        synchronized (buf) {
                            buf.write(chunk, 0, Math.min(n, Math.max(0, MAX - buf.size())));
                        }
                    }
                } catch (IOException ignored) {
                    // the process is gone; what was read is kept
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        String text() throws InterruptedException {
            thread.join(2000);
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }

        String suffix() {
            synchronized (buf) {
                return suffix(buf.toString(StandardCharsets.UTF_8));
            }
        }

        static String suffix(String err) {
            String line = ProcessRunner.oneLine(err == null ? "" : err).trim();
            return line.isEmpty() ? "" : " (" + line + ")";
        }
    }
}
