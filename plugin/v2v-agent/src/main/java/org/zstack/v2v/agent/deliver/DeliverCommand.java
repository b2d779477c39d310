package org.zstack.v2v.agent.deliver;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AllowedRoots;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;
import org.zstack.agent.Secret;
import org.zstack.v2v.agent.job.BandwidthLimiter;
import org.zstack.v2v.agent.job.JobDirectory;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.job.PhaseProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code POST /v2v/job/deliver}: makes each converted disk a qcow2 in {@code <job>/out/} (compressed when asked,
 * else sparse) and hands it to the target: moved to its install path on this host, or uploaded to the target
 * host's agent. See PROTOCOL.md.
 *
 * <p>Progress counts work in bytes of the raw disks' data: converting a disk is its allocated bytes, uploading it
 * as much again; a move is a rename, or a copy reported as it goes.
 */
public class DeliverCommand implements CommandHandler<DeliverCommand.DeliverCmd> {
    private static final Logger logger = Logger.getLogger(DeliverCommand.class.getName());

    public static class DeliverCmd {
        public String jobUuid;
        public String apiId;
        public String storagePath;
        public boolean compress;
        /** Whole points of the job's 0-100 scale, as the node plans its phases (PROTOCOL.md). */
        public int progressBase;
        public int progressSpan;
        /** Bytes per second for the job's uploads; null is unlimited. */
        public Long uploadBandwidth;
        /** The target host's agent, {@code http://ip:7070}; null when the install path is on this host. */
        public String targetAgentUrl;
        /** Signs the uploads to targetAgentUrl, and only those, until the scope's deadline (the node derives it). */
        @Secret
        public String targetAgentKey;
        /** "PUT /v2v/volume/upload EXPIRES": what targetAgentKey is good for. */
        public String targetAgentKeyScope;
        public List<Volume> volumes;
    }

    public static class Volume {
        public String disk;
        public String installPath;
    }

    public static class DeliverRsp extends AgentResponse {
        public List<DeliveredVolume> volumes;
    }

    public static class DeliveredVolume {
        public String installPath;
        /** Virtual size, from qemu-img info. */
        public long size;
        /** The qcow2 file's size. */
        public long actualSize;
        public double seconds;
    }

    private final JobRegistry jobs;
    private final VolumeUploader uploader = new VolumeUploader();

    public DeliverCommand(JobRegistry jobs) {
        this.jobs = jobs;
    }

    @Override
    public DeliverRsp handle(DeliverCmd cmd, AgentContext ctx) throws Exception {
        JobDirectory dir = JobDirectory.of(ctx.allowedRoots(), cmd.storagePath, cmd.jobUuid);
        boolean local = cmd.targetAgentUrl == null || cmd.targetAgentUrl.isBlank();
        List<Path> raws = validate(cmd, ctx.allowedRoots(), local);
        JobRegistry.Job job = jobs.job(cmd.jobUuid);
        boolean remote = cmd.targetAgentUrl != null && !cmd.targetAgentUrl.isBlank();
        try (JobRegistry.Job.Running ignored = job.begin();
             PhaseProgress progress = new PhaseProgress(ctx, cmd.apiId, cmd.progressBase, cmd.progressSpan,
                     "deliver", cmd.volumes.size())) {
            Files.createDirectories(dir.outDir());
            List<Long> work = new ArrayList<>();
            for (Path raw : raws) {
                // at least 1, so an empty disk still counts as a step
                long w = Math.max(1, QemuImg.info(job, raw, "raw").actualSize());
                work.add(w);
                progress.addTotal(remote ? 2 * w : w);
            }
            BandwidthLimiter limiter = BandwidthLimiter.of(cmd.uploadBandwidth);
            DeliverRsp rsp = new DeliverRsp();
            rsp.volumes = new ArrayList<>();
            for (int i = 0; i < raws.size(); i++) {
                job.checkCanceled();
                long start = System.nanoTime();
                Path out = dir.qcow2(i);
                convert(job, i, raws.get(i), out, cmd.compress, work.get(i), progress);

                DeliveredVolume v = new DeliveredVolume();
                v.installPath = cmd.volumes.get(i).installPath;
                v.size = QemuImg.info(job, out, "qcow2").virtualSize();
                v.actualSize = Files.size(out);
                handOver(cmd, job, i, out, v, limiter, work.get(i), progress);
                v.seconds = (System.nanoTime() - start) / 1e9;
                logger.info(String.format("job %s volume %d: %s, %d bytes virtual, %d bytes file, %.1f s",
                        job.uuid(), i, v.installPath, v.size, v.actualSize, v.seconds));
                rsp.volumes.add(v);
            }
            return rsp;
        }
    }

    /**
     * The disks are read here and, without a target agent, the volumes written here: both inside this host's roots.
     * An upload's install path is the target host's, checked by the target's agent against its own roots.
     */
    private static List<Path> validate(DeliverCmd cmd, AllowedRoots roots, boolean local) {
        if (cmd.volumes == null || cmd.volumes.isEmpty()) {
            throw new AgentException("volumes is empty: nothing to deliver");
        }
        List<Path> raws = new ArrayList<>();
        Set<String> installPaths = new HashSet<>();
        for (Volume v : cmd.volumes) {
            if (v == null || v.disk == null || !v.disk.startsWith("/")) {
                throw new AgentException("every volume needs the absolute path of its disk");
            }
            Path raw = roots.confine(v.disk, "disk");
            if (!Files.isRegularFile(raw)) {
                throw new AgentException("disk " + raw + " does not exist");
            }
            InstallPaths.check(v.installPath, "installPath");
            if (local) {
                roots.confine(v.installPath, "installPath");
            }
            if (!installPaths.add(v.installPath)) {
                throw new AgentException("installPath " + v.installPath + " is given twice");
            }
            raws.add(raw);
        }
        return raws;
    }

    /**
     * Converts into {@code <out>.part} and renames, so a qcow2 under its final name is always complete; one
     * newer than its raw disk is reused by a rerun (the disk has not changed since).
     */
    private static void convert(JobRegistry.Job job, int i, Path raw, Path out, boolean compress, long work,
                                PhaseProgress progress) throws IOException, InterruptedException {
        if (Files.isRegularFile(out)
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(raw)) > 0) {
            logger.info(String.format("job %s volume %d: %s is newer than %s, not converted again", job.uuid(), i, out, raw));
            progress.advance(i, work);
            return;
        }
        Path part = InstallPaths.partOf(out);
        Files.deleteIfExists(part);
        long[] counted = {0};
        // the output grows about as the data is converted (less when compressing): good enough to show motion
        Runnable tick = () -> {
            try {
                long estimate = Math.min(work - 1, Files.size(part));
                if (estimate > counted[0]) {
                    progress.advance(i, estimate - counted[0]);
                    counted[0] = estimate;
                }
            } catch (IOException ignored) {
                // not created yet
            }
        };
        try {
            QemuImg.convertToQcow2(job, raw, part, compress, tick);
            Files.move(part, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        progress.advance(i, work - counted[0]);
    }

    private void handOver(DeliverCmd cmd, JobRegistry.Job job, int i, Path out, DeliveredVolume v,
                          BandwidthLimiter limiter, long work, PhaseProgress progress)
            throws IOException, InterruptedException {
        if (cmd.targetAgentUrl == null || cmd.targetAgentUrl.isBlank()) {
            LocalVolumeMover.move(out, Path.of(v.installPath), job, n -> { });
            return;
        }
        long size = Math.max(1, v.actualSize);
        long[] sent = {0};
        long[] counted = {0};
        uploader.upload(out, cmd.targetAgentUrl, v.installPath, cmd.targetAgentKey, cmd.targetAgentKeyScope, limiter, job, n -> {
            sent[0] += n;
            long now = Math.min(work, (long) ((double) work * sent[0] / size));
            progress.advance(i, now - counted[0]);
            counted[0] = now;
        });
        progress.advance(i, work - counted[0]);
    }
}
