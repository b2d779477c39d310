package org.zstack.v2v.agent.convert;

import org.zstack.agent.AgentException;
import org.zstack.agent.ProcessRunner;
import org.zstack.v2v.agent.job.JobCanceledException;
import org.zstack.v2v.agent.job.JobRegistry;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code virt-v2v-in-place -i libvirtxml} on the job's disks: installs virtio drivers, rewrites fstab and
 * grub, rebuilds the initramfs and removes VMware tools, in the raw files themselves. Its whole output goes
 * straight to the job's log file; the agent follows that file for the stage lines, and reads it again only on
 * failure. Canceled through the job (which kills the process tree) or by the deadline.
 */
final class VirtV2VInPlace {
    static final String PROGRAM = "virt-v2v-in-place";

    /** Told the fraction of the run done (0..1) and the stage, once a second. */
    interface Progress {
        void report(double fraction, String stage);
    }

    private final JobRegistry.Job job;
    private final Path xml;
    private final Path log;
    private final Path tmpDir;
    private final boolean forceTcg;

    VirtV2VInPlace(JobRegistry.Job job, Path xml, Path log, Path tmpDir, boolean forceTcg) {
        this.job = job;
        this.xml = xml;
        this.log = log;
        this.tmpDir = tmpDir;
        this.forceTcg = forceTcg;
    }

    /**
     * -v -x: what virt-v2v's own error messages ask for to diagnose a failure, and the only way its log shows the
     * inspection result. --root first: the default "ask" would wait for an answer on a guest that looks
     * multi-boot (an old OS copy on a data disk); the root disk comes first, so its root is the first found.
     * --mac ...:ip:...: fixed addresses of Windows guests, which virt-v2v sets by a first-boot script (ignored for
     * Linux guests, whose network this agent configures itself).
     */
    static List<String> argv(Path xml, List<GuestNic> nics) {
        List<String> argv = new ArrayList<>(List.of(PROGRAM, "-v", "-x", "--root", "first"));
        for (GuestNic nic : nics) {
            StaticAddress a = nic.address();
            // virt-v2v's form is ip[,gw[,len[,dns...]]]: without a gateway the prefix length cannot be given
            if (a != null && !a.ipv6() && a.gateway() != null) {
                StringBuilder spec = new StringBuilder(nic.mac()).append(":ip:").append(a.address()).append(',')
                        .append(a.gateway()).append(',').append(a.prefixLength());
                a.dns().forEach(d -> spec.append(',').append(d));
                argv.add("--mac");
                argv.add(spec.toString());
            }
        }
        argv.addAll(List.of("-i", "libvirtxml", xml.toString()));
        return argv;
    }

    /**
     * @param deadlineNanos {@link System#nanoTime()} by which it must have finished
     * @throws AgentException        "virt-v2v failed: &lt;error line&gt; (log: &lt;path&gt;)", or a timeout
     * @throws JobCanceledException  when the job was canceled meanwhile
     */
    ConversionLog.Summary run(List<GuestNic> nics, long deadlineNanos, long timeoutSeconds, Progress progress)
            throws IOException, InterruptedException {
        List<String> argv = argv(xml, nics);
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        LibguestfsEnvironment.apply(env, forceTcg, tmpDir);
        writeHeader(argv, env);
        long headerBytes = Files.size(log);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));

        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AgentException(String.format("cannot run %s: %s (is virt-v2v installed?)", PROGRAM, e.getMessage()), e);
        }
        job.track(p);
        try {
            LogTail tail = new LogTail(log, headerBytes);
            ConversionProgress stages = new ConversionProgress(System.currentTimeMillis());
            while (true) {
                boolean exited = p.waitFor(1, TimeUnit.SECONDS);
                long now = System.currentTimeMillis();
                for (String line : tail.newLines()) {
                    stages.onLine(line, now);
                }
                progress.report(stages.fraction(now), stages.stageLine());
                if (exited) {
                    break;
                }
                if (job.isCanceled()) {
                    ProcessRunner.killTree(p);
                    throw new JobCanceledException(job.uuid());
                }
                if (System.nanoTime() - deadlineNanos > 0) {
                    ProcessRunner.killTree(p);
                    throw new AgentException(String.format("virt-v2v timed out after %d s at \"%s\" (log: %s)",
                            timeoutSeconds, stages.stageLine(), log));
                }
            }
            // the registry kills the process on cancel: its exit code then says nothing about the guest
            job.checkCanceled();
            ConversionLog.Summary summary = ConversionLog.read(log);
            if (p.exitValue() != 0) {
                String reason = summary.errorLine() != null ? summary.errorLine() : "exit code " + p.exitValue();
                throw new AgentException(String.format("virt-v2v failed: %s (log: %s)", reason, log));
            }
            return summary;
        } finally {
            job.untrack(p);
            if (p.isAlive()) {
                ProcessRunner.killTree(p);
            }
        }
    }

    /** The command and the libguestfs settings at the head of the log, for whoever reads it later. */
    private void writeHeader(List<String> argv, Map<String, String> env) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(ConversionLog.HEADER_PREFIX).append(String.join(" ", argv)).append('\n');
        for (String k : List.of("LIBGUESTFS_BACKEND", "LIBGUESTFS_BACKEND_SETTINGS", "LIBGUESTFS_CACHEDIR", "TMPDIR")) {
            if (env.containsKey(k)) {
                sb.append(ConversionLog.HEADER_PREFIX).append(k).append('=').append(env.get(k)).append('\n');
            }
        }
        Files.writeString(log, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }
}
