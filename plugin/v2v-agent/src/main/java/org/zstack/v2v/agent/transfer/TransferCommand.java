package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;
import org.zstack.agent.Secret;
import org.zstack.v2v.agent.job.BandwidthLimiter;
import org.zstack.v2v.agent.job.JobCanceledException;
import org.zstack.v2v.agent.job.JobDirectory;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.job.PhaseProgress;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code POST /v2v/job/transfer}: reads a VM's disks next to the data and writes them as sparse raw files into the
 * job's directory, several disks at once, within the job's download limit. How a disk is read (HTTPS from VMware, SSH
 * from a KVM host) is its {@link DiskTransfer}'s business, chosen by {@link DiskTransfers}. See PROTOCOL.md.
 */
public class TransferCommand implements CommandHandler<TransferCommand.TransferCmd> {
    static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_PARALLEL_DISKS = 2;

    public static class TransferCmd {
        public String jobUuid;
        public String apiId;
        public String storagePath;
        /** Bytes per second for all disks of the job together; null is unlimited. */
        public Long downloadBandwidth;
        public Integer parallelDisks;
        /** Whole points of the job's 0-100 scale, as the node plans its phases (PROTOCOL.md). */
        public int progressBase;
        public int progressSpan;
        public List<SourceDisk> disks;
        /** The private key for the {@code ssh://} disks (a KVM source host); written to a 0600 file, never logged. */
        @Secret
        public String sshPrivKey;
    }

    public static class SourceDisk {
        public int index;
        /** {@code https://…} (VMware) or {@code ssh://user@host:port/path?format=qcow2|raw&forceShare=false} (KVM). */
        public String url;
        /** A vCenter session cookie, typically. */
        @Secret
        public Map<String, String> headers;
        public String sslThumbprint;
        public long capacity;
        /** {@code [offset, length]} pairs of the allocated areas; null reads the whole disk. */
        public List<long[]> extents;
    }

    public static class TransferRsp extends AgentResponse {
        public List<DiskResult> disks;
        public double seconds;
    }

    public static class DiskResult {
        /**
         * A disk copied in full, whatever its source: what the answer says and the done marker keeps.
         *
         * @param bytesRead    received from the source by this run
         * @param bytesWritten the data blocks in the file, from all runs
         * @param resumed      where this run resumed an earlier one's copy; null when it copied from the start
         */
        static DiskResult of(SourceDisk disk, java.nio.file.Path raw, long bytesRead, long bytesWritten, long startNanos,
                             DiskCheckpoint.State resumed) {
            DiskResult d = new DiskResult();
            if (resumed != null) {
                d.resumedFromByte = resumed.offset();
                d.bytesFromCheckpoint = resumed.bytesRead();
            }
            d.index = disk.index;
            d.path = raw.toString();
            d.capacity = disk.capacity;
            d.bytesRead = bytesRead;
            d.bytesWritten = bytesWritten;
            d.zeroBytesSkipped = disk.capacity - bytesWritten;
            d.seconds = (System.nanoTime() - startNanos) / 1e9;
            d.bytesPerSecond = d.seconds > 0 ? (long) (bytesRead / d.seconds) : bytesRead;
            return d;
        }

        public int index;
        public String path;
        public long capacity;
        /** Bytes received from the source. */
        public long bytesRead;
        /** Bytes written to the file: the blocks holding data. */
        public long bytesWritten;
        /** Capacity not written, left as holes: zero blocks read, and the ranges outside the extents. */
        public long zeroBytesSkipped;
        /** The disk offset where this run went on with an earlier run's copy (after an agent restart); 0: from the start. */
        public long resumedFromByte;
        /** The bytes an earlier run read below {@link #resumedFromByte}: kept, not read again. */
        public long bytesFromCheckpoint;
        /**
         * Bytes of {@link #bytesRead} received a second time only to be skipped: a streamOptimized VMDK has no Range,
         * so a resumed or retried copy reads its stream again from the start up to what the file already has.
         */
        public long bytesReadAgain;
        public double seconds;
        public long bytesPerSecond;
    }

    private final JobRegistry jobs;
    private final Duration stallTimeout;
    private final long resumeEvery;

    public TransferCommand(JobRegistry jobs) {
        this(jobs, DEFAULT_STALL_TIMEOUT);
    }

    /** @param stallTimeout how long a download may receive nothing before it is dropped and resumed */
    public TransferCommand(JobRegistry jobs, Duration stallTimeout) {
        this(jobs, stallTimeout, DiskCheckpoint.DEFAULT_INTERVAL_BYTES);
    }

    /** @param resumeEvery the bytes read between two resume checkpoints of a disk (tests make it small) */
    TransferCommand(JobRegistry jobs, Duration stallTimeout, long resumeEvery) {
        this.jobs = jobs;
        this.stallTimeout = stallTimeout;
        this.resumeEvery = resumeEvery;
    }

    @Override
    public TransferRsp handle(TransferCmd cmd, AgentContext ctx) throws Exception {
        JobDirectory dir = JobDirectory.of(ctx.allowedRoots(), cmd.storagePath, cmd.jobUuid);
        validate(cmd);
        JobRegistry.Job job = jobs.job(cmd.jobUuid);
        long start = System.nanoTime();
        try (JobRegistry.Job.Running ignored = job.begin();
             PhaseProgress progress = new PhaseProgress(ctx, cmd.apiId, cmd.progressBase, cmd.progressSpan,
                     "transfer", cmd.disks.size())) {
            Files.createDirectories(dir.path());
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            Runnable checkpoint = () -> {
                job.checkCanceled();
                if (firstFailure.get() != null) {
                    throw new AnotherDiskFailed();
                }
            };
            int threads = disksAtOnce(cmd);
            TransferContext tc = new TransferContext(job, dir, BandwidthLimiter.of(cmd.downloadBandwidth),
                    cmd.downloadBandwidth, threads, progress, stallTimeout, checkpoint, resumeEvery);
            try (DiskTransfers transfers = new DiskTransfers(cmd, tc)) {
                List<DiskTransfer> copies = new ArrayList<>();
                for (SourceDisk d : cmd.disks) {
                    DiskTransfer c = transfers.create(d);
                    progress.addTotal(c.plannedBytes());
                    copies.add(c);
                }
                TransferRsp rsp = new TransferRsp();
                rsp.disks = copyAll(cmd, job, threads, copies, firstFailure);
                rsp.seconds = (System.nanoTime() - start) / 1e9;
                return rsp;
            }
        }
    }

    private static void validate(TransferCmd cmd) {
        if (cmd.disks == null || cmd.disks.isEmpty()) {
            throw new AgentException("disks is empty: nothing to transfer");
        }
        Set<Integer> seen = new HashSet<>();
        for (SourceDisk d : cmd.disks) {
            if (d == null || d.url == null || d.url.isBlank()) {
                throw new AgentException("every disk needs a url");
            }
            if (d.index < 0 || !seen.add(d.index)) {
                throw new AgentException("disk index " + d.index + " is negative or repeated");
            }
            if (d.capacity < 0) {
                throw new AgentException(String.format("disk %d: capacity %d is negative", d.index, d.capacity));
            }
        }
    }

    /**
     * Runs the disks on at most parallelDisks threads. The first failure stops the others (their next checkpoint
     * throws; an interrupt ends a blocked read) and is what the command reports; a cancel outranks it.
     */
    private static List<DiskResult> copyAll(TransferCmd cmd, JobRegistry.Job job, int threads,
                                            List<DiskTransfer> copies, AtomicReference<Throwable> firstFailure)
            throws Exception {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "transfer-" + cmd.jobUuid + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<DiskResult>> futures = new ArrayList<>();
            for (DiskTransfer c : copies) {
                futures.add(pool.submit(() -> {
                    try {
                        return c.copy();
                    } catch (Exception | Error t) {
                        if (!(t instanceof AnotherDiskFailed) && firstFailure.compareAndSet(null, t)) {
                            // a read blocked on a socket hears neither interrupt nor flag: close its connection
                            copies.forEach(DiskTransfer::abort);
                            stopAll(pool);
                        }
                        throw t;
                    }
                }));
            }
            List<DiskResult> results = new ArrayList<>();
            for (Future<DiskResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException | CancellationException e) {
                    // the failure is in firstFailure; the other disks are stopping
                }
            }
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            Throwable failure = firstFailure.get();
            if (job.isCanceled() || failure instanceof JobCanceledException) {
                throw new JobCanceledException(job.uuid());
            }
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return results;
        } finally {
            stopAll(pool);
        }
    }

    /** How many disks copy at once: parallelDisks (default 2), at most one per disk. */
    private static int disksAtOnce(TransferCmd cmd) {
        int asked = cmd.parallelDisks == null || cmd.parallelDisks <= 0 ? DEFAULT_PARALLEL_DISKS : cmd.parallelDisks;
        return Math.max(1, Math.min(cmd.disks.size(), asked));
    }

    /** Interrupts the running disks and cancels the queued ones, whose futures would otherwise never complete. */
    private static void stopAll(ExecutorService pool) {
        for (Runnable never : pool.shutdownNow()) {
            if (never instanceof Future<?> f) {
                f.cancel(false);
            }
        }
    }

    /** Stops a disk because another disk of the job failed; never the error the command reports. */
    private static final class AnotherDiskFailed extends RuntimeException {
        AnotherDiskFailed() {
            super("another disk of the job failed", null, false, false);
        }
    }
}
