package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.BandwidthLimiter;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.job.PhaseProgress;

import javax.net.ssl.SSLException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Copies one source disk served over HTTPS (a vCenter NFC export or datastore URL) into its sparse raw file: reads the planned ranges, writes only the blocks that hold
 * data, keeps to the job's bandwidth, and resumes from the byte where a dropped or stalled connection left off.
 * Stops at once on cancel: the job tracks the disk's connections, and closing them ends a blocked read.
 */
final class HttpsDiskCopy implements DiskTransfer {
    private static final Logger logger = Logger.getLogger(HttpsDiskCopy.class.getName());

    static final int BUFFER = 1 << 20;
    /** Consecutive failures without progress before the disk fails; progress resets the count. */
    static final int MAX_RETRIES = 3;
    /** A streamOptimized VMDK starts with "KDMV": compressed grains, not the raw disk this copy writes. */
    private static final byte[] VMDK_MAGIC = "KDMV".getBytes(StandardCharsets.US_ASCII);

    private final TransferCommand.SourceDisk disk;
    private final Path raw;
    private final Path marker;
    private final JobRegistry.Job job;
    private final BandwidthLimiter limiter;
    private final PhaseProgress progress;
    private final Duration stallTimeout;
    /** Throws to stop this disk: the job canceled, or another disk of the job failed. */
    private final Runnable checkpoint;
    private final List<long[]> ranges;
    private final DiskCheckpoint resume;

    private final byte[] buf = new byte[BUFFER];
    /** Set once the disk starts reading; {@link #abort} reaches its connections from another thread. */
    private volatile DiskSource source;
    /** Bytes received from the source by this run. */
    private long bytesRead;
    /** Data blocks in the file, this run's and those below the checkpoint it resumed from. */
    private long bytesWritten;
    /** The next disk offset to read in the current range; where a retry resumes. */
    private long position;
    /** The bytes read by earlier runs below the checkpoint this run resumed from; 0 from the start. */
    private long bytesBefore;
    /** The source's version (ETag / Last-Modified) its answers must all have: the checkpoint's, or the first one. */
    private String version;
    /** Where this run began: the checkpoint's offset, or 0. */
    private long resumedAt;
    /** Whether {@link #version} is set for this run: from the checkpoint, or by the run's first answer. */
    private boolean versionKnown;
    private FileChannel out;

    HttpsDiskCopy(TransferCommand.SourceDisk disk, TransferContext ctx) {
        this.disk = disk;
        this.raw = ctx.dir().rawDisk(disk.index);
        this.marker = ctx.dir().doneMarker(disk.index);
        this.job = ctx.job();
        this.limiter = ctx.limiter();
        this.progress = ctx.progress();
        this.stallTimeout = ctx.stallTimeout();
        this.checkpoint = ctx.checkpoint();
        this.ranges = ExtentPlan.ranges(disk.capacity, disk.extents);
        this.resume = ctx.diskCheckpoint(disk.index);
    }

    /** Breaks off this disk's download now (another disk failed); the copy then stops at its checkpoint. */
    @Override
    public void abort() {
        DiskSource s = source;
        if (s != null) {
            s.abort();
        }
    }

    /** The bytes this disk will read: the planned ranges, known before it starts. */
    @Override
    public long plannedBytes() {
        return ExtentPlan.bytes(ranges);
    }

    @Override
    public TransferCommand.DiskResult copy() throws IOException, InterruptedException {
        TransferCommand.DiskResult done = DoneMarker.read(marker, raw, disk.capacity);
        if (done != null) {
            done.index = disk.index;
            done.path = raw.toString();
            progress.advance(disk.index, plannedBytes());
            logger.info(String.format("job %s disk %d: complete from an earlier run, not read again", job.uuid(), disk.index));
            return done;
        }
        Files.deleteIfExists(marker);
        DiskSource source = new DiskSource(disk.index, disk.url, disk.headers, disk.sslThumbprint, stallTimeout);
        // published for abort(); the copy itself works on the local
        this.source = source;
        long start = System.nanoTime();
        try {
            return copyFrom(source, resume.resume(DiskCheckpoint.identity(disk.capacity, ranges, null), raw), start);
        } catch (SourceChanged e) {
            logger.warning(String.format("job %s disk %d: %s; copying the disk from its start", job.uuid(),
                    disk.index, e.getMessage()));
            resume.delete();
            // the phase's progress counted the kept part and this run's reads: both are read again now
            progress.advance(disk.index, -(ExtentPlan.bytesBelow(ranges, resumedAt) + bytesRead));
            try {
                return copyFrom(source, null, start);
            } catch (SourceChanged again) {
                throw new AgentException(String.format("disk %d: %s while it was read", disk.index, again.getMessage()));
            }
        }
    }

    /** Copies the disk from the checkpoint's offset, or from its start (a fresh file) when there is none. */
    private TransferCommand.DiskResult copyFrom(DiskSource source, DiskCheckpoint.State from, long start)
            throws IOException, InterruptedException {
        long offset = from == null ? 0 : from.offset();
        resumedAt = offset;
        bytesRead = 0;
        bytesBefore = from == null ? 0 : from.bytesRead();
        bytesWritten = from == null ? 0 : from.bytesWritten();
        version = from == null ? null : from.version();
        versionKnown = from != null;
        resume.version(version);
        if (from == null) {
            // a fresh file: what an interrupted run left could be stale where this run leaves a hole
            Files.deleteIfExists(raw);
        } else {
            long kept = ExtentPlan.bytesBelow(ranges, offset);
            progress.advance(disk.index, kept);
            logger.info(String.format("job %s disk %d: resuming at byte %d of %d from the checkpoint of an earlier run"
                    + " (%d planned bytes kept, %d to read)", job.uuid(), disk.index, offset, disk.capacity, kept,
                    plannedBytes() - kept));
        }
        try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
            // past the checkpoint the file holds what the killed run may have half written: drop it, a hole again
            file.setLength(offset);
            file.setLength(disk.capacity);
            FileChannel channel = file.getChannel();
            out = channel;
            SparseWriter writer = new SparseWriter(channel);
            boolean wholeDisk = disk.extents == null;
            for (long[] r : ranges) {
                if (r[1] > offset) {
                    copyRange(source, writer, Math.max(r[0], offset), r[1], wholeDisk);
                }
            }
            checkpoint.run();
            // the marker below promises a complete file, so the data must be on disk first
            channel.force(false);
        } finally {
            out = null;
        }
        TransferCommand.DiskResult d = TransferCommand.DiskResult.of(disk, raw, bytesRead, bytesWritten, start, from);
        DoneMarker.write(marker, d);
        resume.delete();
        logger.info(String.format("job %s disk %d: %d bytes read, %d written, %d left as holes in %.1f s (%d B/s)%s",
                job.uuid(), disk.index, d.bytesRead, d.bytesWritten, d.zeroBytesSkipped, d.seconds, d.bytesPerSecond,
                from == null ? "" : String.format(", resumed at byte %d (%d bytes read before)", d.resumedFromByte,
                        d.bytesFromCheckpoint)));
        return d;
    }

    /**
     * Every planned byte below {@link #position} is in the file: sync it, then say so in the checkpoint. A checkpoint
     * that cannot be written costs a later resume some work, not this copy.
     */
    private void saveCheckpointIfDue() {
        if (!resume.due(bytesBefore + bytesRead)) {
            return;
        }
        try {
            out.force(false);
            resume.save(position, bytesBefore + bytesRead, bytesWritten);
        } catch (IOException e) {
            logger.warning(String.format("job %s disk %d: cannot write the checkpoint at byte %d: %s", job.uuid(),
                    disk.index, position, e));
        }
    }

    private void copyRange(DiskSource source, SparseWriter writer, long start, long end, boolean wholeDisk)
            throws IOException, InterruptedException {
        position = start;
        int failures = 0;
        while (position < end) {
            checkpoint.run();
            long before = position;
            try {
                // the whole disk in one plain GET; a resumed one and every extent ask for their range
                readOnce(source, writer, end, !(wholeDisk && position == 0 && end == disk.capacity));
            } catch (IOException e) {
                // a cancel closes the stream: report the cancel, not the closed stream
                checkpoint.run();
                SSLException tls = tlsCause(e);
                if (tls != null) {
                    throw new AgentException(String.format("disk %d: TLS with %s failed: %s", disk.index,
                            source.shownUrl(), tls.getMessage()), e);
                }
                failures = position > before ? 1 : failures + 1;
                String why = e instanceof SocketTimeoutException
                        ? "no data from the source for " + stallTimeout.toSeconds() + " s" : e.toString();
                if (failures > MAX_RETRIES) {
                    throw new AgentException(String.format("disk %d: reading %s failed at byte %d of %d: %s",
                            disk.index, source.shownUrl(), position, disk.capacity, why), e);
                }
                logger.warning(String.format("job %s disk %d: reading failed at byte %d (%s); retry %d of %d",
                        job.uuid(), disk.index, position, why, failures, MAX_RETRIES));
                sleepChecked(TimeUnit.SECONDS.toMillis(1L << (failures - 1)));
            }
        }
    }

    private void readOnce(DiskSource source, SparseWriter writer, long end, boolean ranged)
            throws IOException, InterruptedException {
        Closeable stop = source::abort;
        job.track(stop);
        try {
            DiskSource.Body body = source.open(position, end, ranged);
            try (InputStream in = body.in()) {
                checkVersion(body.version());
                if (body.start() < position) {
                    // the server ignored Range: read past what this copy already has
                    logger.warning(String.format("job %s disk %d: the source ignores Range; skipping %d bytes",
                            job.uuid(), disk.index, position - body.start()));
                    skip(in, position - body.start());
                }
                copyBody(in, writer, end, position == 0, source);
            }
        } finally {
            job.untrack(stop);
        }
    }

    private void copyBody(InputStream in, SparseWriter writer, long end, boolean fromDiskStart, DiskSource source)
            throws IOException, InterruptedException {
        boolean first = fromDiskStart;
        while (position < end) {
            checkpoint.run();
            int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, end - position));
            if (n == 0) {
                throw new IOException("the source ended at byte " + position + ", expected " + end);
            }
            if (first && n >= VMDK_MAGIC.length && Arrays.equals(buf, 0, VMDK_MAGIC.length, VMDK_MAGIC, 0,
                    VMDK_MAGIC.length)) {
                throw new AgentException(String.format("disk %d: %s serves a streamOptimized VMDK; "
                        + "a flat (raw) disk URL is needed", disk.index, source.shownUrl()));
            }
            first = false;
            bytesRead += n;
            if (limiter != null) {
                limiter.acquire(n, checkpoint);
            }
            bytesWritten += writer.write(buf, n, position);
            position += n;
            progress.advance(disk.index, n);
            saveCheckpointIfDue();
        }
    }

    /**
     * Every answer must be of the same version of the source: the checkpoint's (a resumed copy), or the first answer's.
     * A server that names no version is trusted on the capacity and plan alone.
     */
    private void checkVersion(String answered) {
        if (!versionKnown) {
            version = answered;
            versionKnown = true;
            resume.version(answered);
        } else if (!java.util.Objects.equals(version, answered)) {
            throw new SourceChanged(version, answered);
        }
    }

    private void skip(InputStream in, long bytes) throws IOException {
        while (bytes > 0) {
            checkpoint.run();
            int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, bytes));
            if (n == 0) {
                throw new IOException("the source ended while skipping to byte " + position);
            }
            bytesRead += n;
            bytes -= n;
        }
    }

    /** A failed handshake (wrong thumbprint, untrusted certificate) fails the same way on every retry. */
    private static SSLException tlsCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    /** The source's version differs from the one this copy holds data of: the copy starts over. */
    private static final class SourceChanged extends RuntimeException {
        SourceChanged(String was, String now) {
            super(String.format("the source changed since its copy began (%s, now %s)", was == null ? "no version" : was,
                    now == null ? "no version" : now), null, false, false);
        }
    }

    private void sleepChecked(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        for (long left = millis; left > 0; left = until - System.currentTimeMillis()) {
            checkpoint.run();
            Thread.sleep(Math.min(left, 100));
        }
    }

}
