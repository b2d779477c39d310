package org.zstack.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (mount, qemu-img, virt-v2v ...) with a time limit, never through a shell, so no
 * argument is ever interpreted. On timeout the whole process tree is killed, not just the direct child:
 * {@code mount} forks {@code mount.nfs}, and a leftover helper would hold the mount point.
 */
public final class ProcessRunner {
    /** Keeps a chatty program from filling the heap; the head of the output is all anyone reads. */
    private static final int MAX_CAPTURE = 1 << 20;

    private ProcessRunner() {
    }

    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** The first non-blank line of stdout, else of stderr; null if both are empty. */
        public String firstLine() {
            String l = firstNonBlankLine(stdout);
            return l != null ? l : firstNonBlankLine(stderr);
        }
    }

    /**
     * @throws IOException when the program cannot be started at all (not found, not executable)
     */
    public static Result run(List<String> command, Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        // English, unlocalised messages: they are passed on as errors and matched by the node
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        Capture out = new Capture(p.getInputStream(), "stdout-" + p.pid());
        Capture err = new Capture(p.getErrorStream(), "stderr-" + p.pid());
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // the command was cancelled (agent stopping): take the children down with it
            killTree(p);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
        if (!finished) {
            killTree(p);
        }
        String o = out.text();
        String e = err.text();
        return new Result(finished ? p.exitValue() : -1, o, e, !finished);
    }

    /** Kills the descendants first, so none is re-parented to init and survives. */
    public static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Collapses a (multi-line) message into one line, the form errors travel in. */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        String joined = s.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        return joined.length() > 2000 ? joined.substring(0, 2000) + "..." : joined;
    }

    static String firstNonBlankLine(String s) {
        if (s == null) {
            return null;
        }
        for (String line : s.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }

    /** Drains one stream on its own thread: a full pipe would otherwise block the child forever. */
    private static final class Capture {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        Capture(InputStream in, String name) {
            thread = new Thread(() -> {
                byte[] chunk = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(chunk)) > 0) {
                        synchronized (buf) {
                            if (buf.size() < MAX_CAPTURE) {
                                buf.write(chunk, 0, Math.min(n, MAX_CAPTURE - buf.size()));
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // the process was killed; what was read so far is still useful
                }
            }, "proc-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        String text() {
            try {
                // a grandchild may keep the pipe open after a kill; do not wait for it forever
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
