package org.zstack.v2v.agent.convert;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AllowedRoots;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;
import org.zstack.v2v.agent.job.JobDirectory;
import org.zstack.v2v.agent.job.JobRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /v2v/job/convert: makes the transferred VMware disks of a job boot on KVM. virt-v2v-in-place converts the
 * guest in the raw files (virtio drivers, fstab, initramfs, grub, VMware tools removed), then one guestfish session
 * gives each mapped NIC a fixed name by MAC and writes its network configuration, which virt-v2v does not do.
 *
 * <p>Idempotent: a conversion that completed leaves {@code convert.done} with its answer, returned again as long as
 * the disks were not written since (a new transfer makes them unconverted again). One deadline
 * ({@code timeoutSeconds}) covers both steps; cancel reaches the running process through the {@link JobRegistry}.
 */
public class ConvertCommand implements CommandHandler<ConvertCommand.ConvertCmd> {
    private static final Logger logger = Logger.getLogger(ConvertCommand.class.getName());

    public static final String PATH = "/v2v/job/convert";
    static final long DEFAULT_TIMEOUT_SECONDS = 3600;
    /** virt-v2v's share of the phase's progress; the network step (one appliance launch) has the rest */
    static final double CONVERSION_SHARE = 0.85;
    static final String LOG = "virt-v2v.log";
    static final String NETWORK_LOG = "guest-network.log";
    public static final String DONE_MARKER = "convert.done";
    private static final Pattern DISK_FILE = Pattern.compile("disk-(\\d+)\\.raw");

    public static class ConvertCmd {
        public String jobUuid;
        public String apiId;
        public String storagePath;
        /** the raw disks, root first; when empty, the job directory's disk-&lt;i&gt;.raw by index */
        public List<String> disks;
        /**
         * The bus each disk had at the source ("scsi", "sata", "ide", "virtio"; VMware's controller names too), by
         * index; SCSI when absent or null. It decides the device names virt-v2v rewrites in fstab and grub.
         */
        public List<String> diskBuses;
        public String vmName;
        /** run libguestfs without KVM (TCG): only where /dev/kvm is missing or unusable */
        public boolean forceTcg;
        public Long timeoutSeconds;
        public int progressBase;
        public int progressSpan;
        public List<NicMapping> nics;
    }

    public static class NicMapping {
        /** the NIC's MAC on the target */
        public String mac;
        public String sourceMac;
        /** null for DHCP */
        public String ip;
        public String netmask;
        public String gateway;
        public List<String> dns;
    }

    public static class ConvertRsp extends AgentResponse {
        public String logPath;
        public double seconds;
        public String osType;
        public String distro;
        public String osVersion;
        /** the pinned name of each NIC of the command, in its order; empty when the network was not configured */
        public List<String> interfaces;
        /** the two steps' times (virt-v2v, then the guest's network) and the network step's log */
        public double conversionSeconds;
        public double networkSeconds;
        public String networkLogPath;
    }

    /** What convert.done holds: the answer, and the disks it is the answer for. */
    private static class DoneMarker {
        List<String> disks;
        ConvertRsp response;
    }

    private final JobRegistry jobs;
    private final Gson gson = new Gson();

    public ConvertCommand(JobRegistry jobs) {
        this.jobs = jobs;
    }

    @Override
    public AgentResponse handle(ConvertCmd cmd, AgentContext ctx) throws Exception {
        Path jobDir = JobDirectory.of(ctx.allowedRoots(), cmd.storagePath, cmd.jobUuid).path();
        List<Path> disks = disks(cmd, jobDir, ctx.allowedRoots());
        List<GuestNic> nics = GuestNic.of(cmd.nics);
        long timeout = cmd.timeoutSeconds == null || cmd.timeoutSeconds <= 0 ? DEFAULT_TIMEOUT_SECONDS : cmd.timeoutSeconds;

        JobRegistry.Job job = jobs.job(cmd.jobUuid);
        // the claim lets cancel see the command between processes and cleanup wait for it; a command that begins
        // after a cancel is a rerun the node asked for, and starts uncanceled
        try (JobRegistry.Job.Running ignored = job.begin()) {
            ConvertRsp done = completed(jobDir, disks);
            if (done != null) {
                logger.info(String.format("job %s: already converted; answering from %s", cmd.jobUuid, DONE_MARKER));
                return done;
            }
            return convert(cmd, ctx, job, jobDir, disks, nics, timeout);
        }
    }

    private ConvertRsp convert(ConvertCmd cmd, AgentContext ctx, JobRegistry.Job job, Path jobDir, List<Path> disks,
                               List<GuestNic> nics, long timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout * 1_000_000_000L;
        ConvertProgressReporter progress = new ConvertProgressReporter(ctx, cmd.apiId, cmd.progressBase,
                cmd.progressSpan, disks.size());
        Path tmp = jobDir.resolve("tmp");
        Files.createDirectories(tmp);
        try {
            Path xml = jobDir.resolve("v2v-input.xml");
            String name = cmd.vmName == null || cmd.vmName.isBlank() ? "v2v-" + cmd.jobUuid : cmd.vmName;
            Files.writeString(xml, DomainXml.render(name, disks, cmd.diskBuses), StandardCharsets.UTF_8);
            Path log = jobDir.resolve(LOG);
            if (Files.exists(log)) {
                // a rerun: the failed run's log is what someone may be reading
                Files.move(log, jobDir.resolve(LOG + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            logger.info(String.format("job %s: converting %d disk(s) of %s with virt-v2v (log: %s)",
                    cmd.jobUuid, disks.size(), name, log));
            progress.report(0, "starting virt-v2v", true);

            ConversionLog.Summary summary = new VirtV2VInPlace(job, xml, log, tmp, cmd.forceTcg).run(nics, deadline,
                    timeout, (f, stage) -> progress.report(f * CONVERSION_SHARE, stage, false));
            long converted = System.nanoTime();
            job.checkCanceled();

            ConvertRsp rsp = new ConvertRsp();
            rsp.logPath = log.toString();
            rsp.conversionSeconds = seconds(converted - start);
            GuestOs os = summary.guestOs();
            rsp.interfaces = List.of();
            if (os.isWindows() && !nics.isEmpty()) {
                logger.info(String.format("job %s: a Windows guest; its network is not configured by the agent"
                        + " (virt-v2v sets fixed addresses of Windows guests by a first-boot script)", cmd.jobUuid));
            }
            // one appliance launch for the network, or to learn what the guest is when virt-v2v's log did not say
            if (!os.isKnown() || !os.isWindows() && !nics.isEmpty()) {
                progress.report(CONVERSION_SHARE, "configuring the guest network", true);
                Path networkLog = jobDir.resolve(NETWORK_LOG);
                GuestNetworkConfigurator.Result net = new GuestNetworkConfigurator(job, disks, networkLog,
                        jobDir.resolve("guest-network"), tmp, cmd.forceTcg).configure(nics, os, deadline);
                os = net.guestOs();
                rsp.interfaces = net.interfaces();
                rsp.networkLogPath = networkLog.toString();
            }
            long end = System.nanoTime();
            rsp.networkSeconds = seconds(end - converted);
            rsp.seconds = seconds(end - start);
            rsp.osType = os.type();
            rsp.distro = os.distro();
            rsp.osVersion = os.version();
            markDone(jobDir, disks, rsp);
            progress.report(1, "converted", true);
            logger.info(String.format("job %s: converted %s %s in %.1f s (virt-v2v %.1f s, network %.1f s); NICs %s",
                    cmd.jobUuid, os.distro(), os.version(), rsp.seconds, rsp.conversionSeconds, rsp.networkSeconds,
                    rsp.interfaces));
            return rsp;
        } finally {
            deleteTree(tmp);
        }
    }

    /** The command's disks, or the job directory's disk-&lt;i&gt;.raw files in index order. */
    static List<Path> disks(ConvertCmd cmd, Path jobDir, AllowedRoots roots) throws IOException {
        List<Path> disks = new ArrayList<>();
        if (cmd.disks != null && !cmd.disks.isEmpty()) {
            for (String d : cmd.disks) {
                if (d == null || !d.startsWith("/")) {
                    throw new AgentException("disks must be absolute paths, got " + d);
                }
                disks.add(roots.confine(d, "disk"));
            }
        } else if (Files.isDirectory(jobDir)) {
            try (var entries = Files.list(jobDir)) {
                entries.filter(p -> DISK_FILE.matcher(p.getFileName().toString()).matches())
                        .sorted(Comparator.comparingInt(ConvertCommand::diskIndex))
                        .forEach(disks::add);
            }
        }
        if (disks.isEmpty()) {
            throw new AgentException("no disks to convert: none given and no disk-<i>.raw in " + jobDir);
        }
        for (Path d : disks) {
            // virt-v2v writes into them as root: a block device or a directory given by mistake must not get there
            if (!Files.isRegularFile(d)) {
                throw new AgentException("disk " + d + " is not a regular file");
            }
        }
        return disks;
    }

    private static int diskIndex(Path p) {
        Matcher m = DISK_FILE.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** The answer of a completed conversion of these disks, unless a disk was written after it. */
    private ConvertRsp completed(Path jobDir, List<Path> disks) throws IOException {
        Path marker = jobDir.resolve(DONE_MARKER);
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        DoneMarker m;
        try {
            m = gson.fromJson(Files.readString(marker, StandardCharsets.UTF_8), DoneMarker.class);
        } catch (JsonParseException e) {
            return null;
        }
        if (m == null || m.response == null || m.disks == null
                || !m.disks.equals(disks.stream().map(Path::toString).toList())) {
            return null;
        }
        FileTime doneAt = Files.getLastModifiedTime(marker);
        for (Path d : disks) {
            if (Files.getLastModifiedTime(d).compareTo(doneAt) > 0) {
                return null;
            }
        }
        return m.response;
    }

    private void markDone(Path jobDir, List<Path> disks, ConvertRsp rsp) throws IOException {
        DoneMarker m = new DoneMarker();
        m.disks = disks.stream().map(Path::toString).toList();
        m.response = rsp;
        Path tmp = jobDir.resolve(DONE_MARKER + ".tmp");
        Files.writeString(tmp, gson.toJson(m), StandardCharsets.UTF_8);
        Files.move(tmp, jobDir.resolve(DONE_MARKER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e8) / 10.0;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            logger.warning(String.format("cannot remove %s: %s", dir, e.getMessage()));
        }
    }
}
