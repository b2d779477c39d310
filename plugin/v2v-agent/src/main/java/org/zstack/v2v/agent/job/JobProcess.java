package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentException;
import org.zstack.agent.ProcessRunner;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one external program (qemu-img, virt-v2v) for a job, as {@link ProcessRunner} does (no shell, C locale,
 * a time limit, the whole tree killed on timeout), but tracked in the {@link JobRegistry.Job} so that cancel
 * kills exactly this job's processes, and with a tick while it runs (progress polling).
 */
public final class JobProcess {
    /** A chatty program must not fill the heap; the head of its output holds the error. */
    private static final int MAX_CAPTURE = 1 << 20;
    private static final long TICK_MILLIS = 500;

    private JobProcess() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The program's complaint on one line: stderr first, where qemu-img and virt-v2v write errors. */
        public String error() {
            String s = !stderr.isBlank() ? stderr : stdout;
            return s.isBlank() ? "exit code " + exitCode : ProcessRunner.oneLine(s);
        }
    }

    /**
     * @param tick run about twice a second while the program runs; may be null
     * @return the result, whatever the exit code: the caller knows which codes are failures
     * @throws JobCanceledException when the job was canceled meanwhile (the program is killed)
     * @throws AgentException       when the program ran past the timeout (it is killed)
     * @throws IOException          when the program cannot be started
     */
    public static Result run(JobRegistry.Job job, List<String> command, Duration timeout, Runnable tick)
            throws IOException, InterruptedException {
        return run(job, command, timeout, tick, null);
    }

    /**
     * As {@link #run}, for a program that reports its progress on stdout (qemu-img convert -p): the tick gets the
     * stdout captured so far.
     */
    public static Result runWatching(JobRegistry.Job job, List<String> command, Duration timeout,
                                     Consumer<String> tick) throws IOException, InterruptedException {
        return run(job, command, timeout, null, tick);
    }

    private static Result run(JobRegistry.Job job, List<String> command, Duration timeout, Runnable tick,
                              Consumer<String> stdoutTick) throws IOException, InterruptedException {
        job.checkCanceled();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LANG", "C");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        job.track(p);
        try {
            Drain out = new Drain(p.getInputStream(), "stdout-" + p.pid());
            Drain err = new Drain(p.getErrorStream(), "stderr-" + p.pid());
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (!p.waitFor(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
                    job.checkCanceled();
                    if (System.nanoTime() > deadline) {
                        ProcessRunner.killTree(p);
                        throw new AgentException(String.format("%s timed out after %d s", command.get(0),
                                timeout.toSeconds()));
                    }
                    if (tick != null) {
                        tick.run();
                    }
                    if (stdoutTick != null) {
                        stdoutTick.accept(out.textSoFar());
                    }
                }
            } catch (InterruptedException e) {
                // the agent is stopping: the program must not outlive the command
                ProcessRunner.killTree(p);
                throw e;
            } catch (RuntimeException e) {
                ProcessRunner.killTree(p);
                throw e;
            }
            // killed by cancel: its exit code says nothing, the cancel says it all
            job.checkCanceled();
            return new Result(p.exitValue(), out.text(), err.text());
        } finally {
            job.untrack(p);
        }
    }

    /** Reads one output stream on its own thread: a full pipe would otherwise block the program forever. */
    private static final class Drain {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final Thread thread;

        Drain(InputStream in, String name) {
            thread = new Thread(() -> {
                byte[] chunk = new byte[8192];
                try (in) {
                    for (int n; (n = in.read(chunk)) > 0; ) {
                        synchronized (buf) {
                            buf.write(chunk, 0, Math.min(n, Math.max(0, MAX_CAPTURE - buf.size())));
                        }
                    }
                } catch (IOException ignored) {
                    // the program was killed; what was read so far is kept
                }
            }, "job-proc-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        String textSoFar() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }

        String text() throws InterruptedException {
            // a grandchild may hold the pipe open after the program exits: do not wait for it forever
            thread.join(2000);
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
