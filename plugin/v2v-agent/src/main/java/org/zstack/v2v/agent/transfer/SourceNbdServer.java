package org.zstack.v2v.agent.transfer;

import org.zstack.agent.ProcessRunner;
import org.zstack.v2v.agent.job.RemoteProcess;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The qemu-nbd a disk's {@link SshNbdTunnel} started on the source host: its PID and private directory there, as the
 * remote script reported them. Stopped over a fresh ssh connection, not through the tunnel's own session: that session
 * ending should stop it too, but only as soon as sshd and the remote shell notice, and a shell killed before its
 * cleanup (or a source host under load) leaves qemu-nbd running with the image open. The stop checks that the PID is
 * still this disk's qemu-nbd (its command line names the directory's socket) before signalling it, so a reused PID is
 * never hit.
 *
 * <p>Also kept in {@code disk-<i>.nbd} in the job's directory while it runs: an agent killed with the copy still running
 * finds it there at the job's next transfer and stops it first.
 */
final class SourceNbdServer implements RemoteProcess {
    private static final Logger logger = Logger.getLogger(SourceNbdServer.class.getName());

    static final int ATTEMPTS = 4;
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    /** mktemp -d's names: an absolute path of plain characters, so it travels in single quotes and in rm -rf safely. */
    private static final Pattern DIR = Pattern.compile("/[A-Za-z0-9._/-]+");

    /**
     * {@code sh -c '<this>' v2v-nbd-stop <pid|-> <dir>}: finds the qemu-nbd serving {@code <dir>/nbd.sock} (by the PID
     * when known), sends TERM, waits up to 3 s, then KILL, and says what happened on its last line. A zombie has an
     * empty command line, so it counts as gone.
     */
    static final String STOP_SCRIPT = String.join("\n",
            "p=$1; d=$2",
            "ours() { [ -r /proc/$1/cmdline ] && tr \"\\000\" \" \" < /proc/$1/cmdline 2>/dev/null | grep -q -F -- \"$d/nbd.sock\"; }",
            "if [ \"$p\" = - ] || ! ours $p; then",
            "  p=-",
            "  for c in /proc/[0-9]*/cmdline; do q=${c#/proc/}; q=${q%/cmdline}; if ours $q; then p=$q; break; fi; done",
            "fi",
            "if [ \"$p\" = - ]; then rm -rf \"$d\"; echo V2V-NBD-GONE; exit 0; fi",
            "kill -TERM $p 2>/dev/null; how=TERM; i=0",
            "while ours $p && [ $i -lt 30 ]; do sleep 0.1; i=$((i+1)); done",
            "if ours $p; then kill -KILL $p 2>/dev/null; how=KILL; i=0;"
                    + " while ours $p && [ $i -lt 20 ]; do sleep 0.1; i=$((i+1)); done; fi",
            "if ours $p; then echo \"V2V-NBD-ALIVE $p\"; exit 1; fi",
            "rm -rf \"$d\"; echo \"V2V-NBD-STOPPED $p $how\"");

    private final String jobUuid;
    private final int index;
    private final SshDiskUrl url;
    private final Path key;
    /** The PID; null while only the directory is known (qemu-nbd not started yet, or its PID not yet reported). */
    private volatile Integer pid;
    private final String dir;
    private final Path file;

    SourceNbdServer(String jobUuid, int index, SshDiskUrl url, Path key, String dir, Path file) {
        if (!DIR.matcher(dir).matches() || dir.contains("..")) {
            throw new IllegalArgumentException("not a temp directory: " + dir);
        }
        this.jobUuid = jobUuid;
        this.index = index;
        this.url = url;
        this.key = key;
        this.dir = dir;
        this.file = file;
    }

    static boolean isDirectory(String dir) {
        return dir != null && DIR.matcher(dir).matches() && !dir.contains("..");
    }

    void pid(int pid) {
        this.pid = pid;
    }

    Integer pid() {
        return pid;
    }

    String dir() {
        return dir;
    }

    @Override
    public String describe() {
        return String.format("qemu-nbd %s(%s) on %s", pid == null ? "" : "pid " + pid + " ", dir, url.hostAndPort());
    }

    /** Records this server in {@code disk-<i>.nbd}, written whole or not at all. */
    void save() {
        Properties p = new Properties();
        p.setProperty("user", url.user());
        p.setProperty("host", url.host());
        p.setProperty("port", String.valueOf(url.port()));
        p.setProperty("dir", dir);
        if (pid != null) {
            p.setProperty("pid", String.valueOf(pid));
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "qemu-nbd on the source host");
        } catch (IOException e) {
            logger.warning(String.format("job %s disk %d: cannot record %s: %s", jobUuid, index, describe(), e));
            return;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            logger.warning(String.format("job %s disk %d: cannot record %s: %s", jobUuid, index, describe(), e));
        }
    }

    /**
     * The server an earlier run of this disk recorded and did not see stopped (the agent was killed), when it was on
     * the host this run reads from, with this key; else null (and a record for another host is dropped).
     */
    static SourceNbdServer leftBehind(String jobUuid, int index, SshDiskUrl url, Path key, Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            if (!url.user().equals(p.getProperty("user")) || !url.host().equals(p.getProperty("host"))
                    || url.port() != Integer.parseInt(p.getProperty("port"))) {
                logger.warning(String.format("job %s disk %d: an earlier run's qemu-nbd was on %s@%s:%s, not on %s;"
                                + " not reachable from here", jobUuid, index, p.getProperty("user"), p.getProperty("host"),
                        p.getProperty("port"), url.hostAndPort()));
                Files.deleteIfExists(file);
                return null;
            }
            SourceNbdServer s = new SourceNbdServer(jobUuid, index, url, key, p.getProperty("dir"), file);
            if (p.getProperty("pid") != null) {
                s.pid(Integer.parseInt(p.getProperty("pid")));
            }
            return s;
        } catch (IOException | RuntimeException e) {
            logger.warning(String.format("job %s disk %d: ignoring %s: %s", jobUuid, index, file, e));
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next run tries again
            }
            return null;
        }
    }

    /**
     * Stops it over a fresh ssh connection and checks it is gone; a connection that fails or a process that survives
     * is retried, {@value #ATTEMPTS} times in all. What was stopped, and how, is logged.
     */
    @Override
    public boolean stop() {
        String last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<String> c = SshNbdTunnel.sshArgs(url, key);
            c.add(url.host());
            c.add("sh -c " + SshNbdTunnel.quote(STOP_SCRIPT) + " v2v-nbd-stop "
                    + SshNbdTunnel.quote(pid == null ? "-" : String.valueOf(pid)) + " " + SshNbdTunnel.quote(dir));
            try {
                ProcessRunner.Result r = ProcessRunner.run(c, ATTEMPT_TIMEOUT);
                String verdict = lastLine(r.stdout());
                if (r.ok() && verdict.startsWith("V2V-NBD-GONE")) {
                    logger.info(String.format("job %s disk %d: %s had already ended", jobUuid, index, describe()));
                    forget();
                    return true;
                }
                if (r.ok() && verdict.startsWith("V2V-NBD-STOPPED")) {
                    String[] w = verdict.split(" ");
                    logger.info(String.format("job %s disk %d: stopped qemu-nbd pid %s on %s with SIG%s%s", jobUuid,
                            index, w.length > 1 ? w[1] : "?", url.hostAndPort(), w.length > 2 ? w[2] : "?",
                            attempt > 1 ? " (attempt " + attempt + ")" : ""));
                    forget();
                    return true;
                }
                last = verdict.isEmpty() ? (r.timedOut() ? "no answer within " + ATTEMPT_TIMEOUT.toSeconds() + " s"
                        : SshErrors.describe(url, r.stderr(), r.exitCode())) : verdict;
            } catch (IOException e) {
                last = e.toString();
            }
            logger.warning(String.format("job %s disk %d: stopping %s failed (attempt %d of %d): %s", jobUuid, index,
                    describe(), attempt, ATTEMPTS, last));
            if (attempt < ATTEMPTS) {
                try {
                    Thread.sleep(500L << (attempt - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            logger.warning(String.format("job %s disk %d: cannot remove %s: %s", jobUuid, index, file, e));
        }
    }

    private static String lastLine(String out) {
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\\R")) {
            if (!l.isBlank()) {
                lines.add(l.trim());
            }
        }
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
