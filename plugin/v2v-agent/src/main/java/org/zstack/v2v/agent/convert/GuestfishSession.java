package org.zstack.v2v.agent.convert;

import org.zstack.agent.AgentException;
import org.zstack.agent.ProcessRunner;
import org.zstack.v2v.agent.job.JobCanceledException;
import org.zstack.v2v.agent.job.JobRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One guestfish process with the guest's disks mounted by inspection ({@code -i}), driven command by command
 * over its stdin: the appliance is launched once (tens of seconds without KVM) and serves every read and write
 * of the network step. After each command the session sends {@code echo <marker>}; guestfish flushes its output
 * per command, so the lines before the marker are that command's answer. guestfish ends at the first failing
 * command (it reads a script, not a terminal): the session then reports the error line of the log.
 *
 * <p>stderr (guestfish's errors and the -x trace of every call, never file contents) goes to the log file.
 */
final class GuestfishSession implements AutoCloseable {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@+=,%-]+");
    private static final String EOF = new String("<eof>");

    private final JobRegistry.Job job;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Path log;
    private final long deadlineNanos;
    private final String failurePrefix;
    private final String marker = "zstack-v2v-end-" + UUID.randomUUID().toString().replace("-", "");

    private GuestfishSession(JobRegistry.Job job, Process process, Path log, long deadlineNanos, String failurePrefix) {
        this.job = job;
        this.process = process;
        this.log = log;
        this.deadlineNanos = deadlineNanos;
        this.failurePrefix = failurePrefix;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readStdout, "guestfish-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts guestfish read-write on the raw disks; the appliance launches and inspection mounts the guest's file
     * systems before the first command is answered.
     *
     * @param failurePrefix how errors begin, e.g. "guest network configuration failed"
     */
    static GuestfishSession open(JobRegistry.Job job, List<Path> disks, Path log, Path tmpDir, boolean forceTcg,
                                 long deadlineNanos, String failurePrefix) throws IOException {
        // --format=raw: never let the file's content choose how it is opened
        List<String> argv = new ArrayList<>(List.of("guestfish", "--rw", "-x", "--format=raw"));
        for (Path d : disks) {
            argv.add("-a");
            argv.add(d.toString());
        }
        argv.add("-i");
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        LibguestfsEnvironment.apply(env, forceTcg, tmpDir);
        Files.writeString(log, ConversionLog.HEADER_PREFIX + String.join(" ", argv) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AgentException(String.format("%s: cannot run guestfish: %s (is libguestfs-tools installed?)",
                    failurePrefix, e.getMessage()), e);
        }
        job.track(p);
        return new GuestfishSession(job, p, log, deadlineNanos, failurePrefix);
    }

    /** Runs one command and returns its output lines. */
    List<String> query(String command) throws IOException, InterruptedException {
        send(command + "\necho " + marker + "\n");
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = stdout.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                checkAlive();
                continue;
            }
            if (line == EOF) {
                throw failure();
            }
            if (line.equals(marker)) {
                return lines;
            }
            lines.add(line);
        }
    }

    /** A test command (is-file, is-dir, exists ...): its "true" or "false". */
    boolean test(String command) throws IOException, InterruptedException {
        List<String> out = query(command);
        return !out.isEmpty() && out.get(0).strip().equals("true");
    }

    /**
     * Ends the session: guestfish unmounts the file systems, syncs the disks and stops the appliance.
     *
     * @throws AgentException when guestfish exits with an error (a write that failed)
     */
    void finish() throws IOException, InterruptedException {
        send("exit\n");
        stdin.close();
        while (!process.waitFor(1, TimeUnit.SECONDS)) {
            checkAlive();
        }
        job.checkCanceled();
        if (process.exitValue() != 0) {
            throw failure();
        }
    }

    @Override
    public void close() {
        job.untrack(process);
        if (process.isAlive()) {
            ProcessRunner.killTree(process);
        }
    }

    /**
     * One argument of a guestfish command line: as it is when plain, else double-quoted with guestfish's
     * backslash escapes, so that spaces, quotes and "|" (guestfish's pipe to a local shell) stay text.
     */
    static String quote(String arg) {
        if (PLAIN.matcher(arg).matches()) {
            return arg;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private void send(String text) throws IOException, InterruptedException {
        try {
            stdin.write(text);
            stdin.flush();
        } catch (IOException e) {
            // guestfish has exited: its log says why
            throw failure();
        }
    }

    private void checkAlive() throws InterruptedException {
        if (job.isCanceled()) {
            ProcessRunner.killTree(process);
            throw new JobCanceledException(job.uuid());
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            ProcessRunner.killTree(process);
            throw new AgentException(String.format("%s: timed out (log: %s)", failurePrefix, log));
        }
    }

    private AgentException failure() throws InterruptedException {
        job.checkCanceled();
        process.waitFor(10, TimeUnit.SECONDS);
        String line;
        try {
            line = ConversionLog.read(log).errorLine();
        } catch (IOException e) {
            line = null;
        }
        if (line == null) {
            line = process.isAlive() ? "guestfish stopped answering" : "guestfish exited with code " + process.exitValue();
        }
        return new AgentException(String.format("%s: %s (log: %s)", failurePrefix, line, log));
    }

    private void readStdout() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                stdout.add(line);
            }
        } catch (IOException ignored) {
            // killed: the EOF below tells the waiting command
        } finally {
            stdout.add(EOF);
        }
    }
}
