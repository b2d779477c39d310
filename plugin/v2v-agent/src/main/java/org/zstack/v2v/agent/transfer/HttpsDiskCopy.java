package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.BandwidthLimiter;
import org.zstack.v2v.agent.job.MeteredInputStream;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.job.PhaseProgress;

import javax.net.ssl.SSLException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.RandomAccessFile;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
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
 *
 * <p>A disk served as a streamOptimized VMDK (what a real ESXi's export lease serves; its body starts with "KDMV")
 * is decoded as it arrives ({@link StreamOptimizedVmdkReader}) into the same sparse writer: each grain at its disk
 * offset, absent and zero grains never written. Such a URL has no Range, so a retry or a resumed copy reads the
 * stream again from its start and skips the grains the file already has; those re-read bytes are counted in
 * {@link TransferCommand.DiskResult#bytesReadAgain}.
 */
final class HttpsDiskCopy implements DiskTransfer {
    private static final Logger logger = Logger.getLogger(HttpsDiskCopy.class.getName());

    static final int BUFFER = 1 << 20;
    /** Consecutive failures without progress before the disk fails; progress resets the count. */
    static final int MAX_RETRIES = 3;
    /** {@link DiskCheckpoint.State#format} of a disk served as a streamOptimized VMDK. */
    static final String STREAM_OPTIMIZED = "streamOptimized";
    /** A streamOptimized stream reports progress at least this often, in disk bytes. */
    private static final long STREAM_PROGRESS_STEP = 8L << 20;

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
    /** The source serves the disk as a streamOptimized VMDK: known from its first bytes, or from the checkpoint. */
    private boolean streamOptimized;
    /** A streamOptimized stream was decoded to its end: the disk is complete. */
    private boolean streamDone;
    /** Bytes this run received again to skip what the file already had (a resumed or retried streamOptimized copy). */
    private long bytesReadAgain;
    /** The progress this run reported for the disk: taken back when the copy starts over. */
    private long progressed;
    /** The disk offset up to which a streamOptimized copy reported progress. */
    private long progressAt;

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
            advance(-progressed);
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
        streamOptimized = from != null && STREAM_OPTIMIZED.equals(from.format());
        resume.format(streamOptimized ? STREAM_OPTIMIZED : null);
        streamDone = false;
        bytesReadAgain = 0;
        progressed = 0;
        progressAt = offset;
        if (from == null) {
            // a fresh file: what an interrupted run left could be stale where this run leaves a hole
            Files.deleteIfExists(raw);
        } else {
            long kept = ExtentPlan.bytesBelow(ranges, offset);
            advance(kept);
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
                if (streamDone) {
                    // a streamOptimized stream holds the whole disk, whatever the plan's ranges
                    break;
                }
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
        d.bytesReadAgain = bytesReadAgain;
        DoneMarker.write(marker, d);
        resume.delete();
        logger.info(String.format("job %s disk %d: %d bytes read%s, %d written, %d left as holes in %.1f s (%d B/s)%s%s",
                job.uuid(), disk.index, d.bytesRead, streamOptimized ? " (a streamOptimized VMDK)" : "",
                d.bytesWritten, d.zeroBytesSkipped, d.seconds, d.bytesPerSecond,
                from == null ? "" : String.format(", resumed at byte %d (%d bytes read before)", d.resumedFromByte,
                        d.bytesFromCheckpoint),
                bytesReadAgain == 0 ? "" : String.format(", %d bytes read twice to skip what the file had",
                        bytesReadAgain)));
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
            // the bytes read again to skip what the file had are not part of what reached it
            resume.save(position, bytesBefore + bytesRead - bytesReadAgain, bytesWritten);
        } catch (IOException e) {
            logger.warning(String.format("job %s disk %d: cannot write the checkpoint at byte %d: %s", job.uuid(),
                    disk.index, position, e));
        }
    }

    private void copyRange(DiskSource source, SparseWriter writer, long start, long end, boolean wholeDisk)
            throws IOException, InterruptedException {
        // a streamOptimized stream goes on where the checkpoint (or a failed read) left it, whatever the ranges
        position = streamOptimized ? resumedAt : start;
        int failures = 0;
        while (streamOptimized ? !streamDone : position < end) {
            checkpoint.run();
            long before = position;
            try {
                // the whole disk in one plain GET; a resumed one and every extent ask for their range; a
                // streamOptimized stream has no ranges, it is read from its start every time
                readOnce(source, writer, end, !streamOptimized && !(wholeDisk && position == 0 && end == disk.capacity));
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
            // an answer from the disk's start shows its format in its first bytes, read and put back
            try (InputStream in = body.start() == 0
                    ? new PushbackInputStream(body.in(), StreamOptimizedVmdkReader.MAGIC.length) : body.in()) {
                checkVersion(body.version());
                if (body.start() == 0) {
                    checkFormat((PushbackInputStream) in);
                }
                if (streamOptimized) {
                    copyStream(in, writer, source);
                    return;
                }
                if (body.start() < position) {
                    // the server ignored Range: read past what this copy already has
                    logger.warning(String.format("job %s disk %d: the source ignores Range; skipping %d bytes",
                            job.uuid(), disk.index, position - body.start()));
                    skip(in, position - body.start());
                }
                copyBody(in, writer, end);
            }
        } finally {
            job.untrack(stop);
        }
    }

    /**
     * Tells a streamOptimized VMDK ("KDMV" first) from the disk's plain bytes. The format must be the one the copy
     * has data of: a source that switches between the two has changed.
     */
    private void checkFormat(PushbackInputStream in) throws IOException {
        byte[] head = in.readNBytes(StreamOptimizedVmdkReader.MAGIC.length);
        in.unread(head);
        boolean vmdk = Arrays.equals(head, StreamOptimizedVmdkReader.MAGIC);
        // nothing read or kept yet: the first answer says what the source serves
        boolean fresh = resumedAt == 0 && bytesRead == 0;
        if (vmdk != streamOptimized && !fresh) {
            throw new SourceChanged(streamOptimized ? "a streamOptimized VMDK" : "plain disk bytes",
                    vmdk ? "a streamOptimized VMDK" : "plain disk bytes");
        }
        if (vmdk && !streamOptimized) {
            logger.info(String.format("job %s disk %d: the source serves a streamOptimized VMDK; decoding it as it "
                    + "streams", job.uuid(), disk.index));
        }
        if (vmdk && !streamOptimized) {
            // the stream starts at the disk's start, whichever range was asked for
            position = resumedAt;
        }
        streamOptimized = vmdk;
        resume.format(vmdk ? STREAM_OPTIMIZED : null);
    }

    /**
     * Decodes a streamOptimized stream from its start into the file. The grains the file already has (below
     * {@link #position}, where the checkpoint or the failed read left off) are skipped, not inflated. Grains come
     * in ascending order from every known writer; {@link #position} follows them, and stops where one goes back,
     * so a later resume rewrites the rest rather than trust it.
     */
    private void copyStream(InputStream body, SparseWriter writer, DiskSource source)
            throws IOException, InterruptedException {
        long skipBelow = position;
        long attemptStart = bytesRead;
        boolean[] skipping = {skipBelow > 0};
        boolean[] ascending = {true};
        StreamOptimizedVmdkReader reader = new StreamOptimizedVmdkReader(
                MeteredInputStream.onCommandThread(body, BUFFER, limiter, checkpoint, n -> bytesRead += n,
                        "disk " + disk.index),
                "disk " + disk.index + " (" + source.shownUrl() + ")", disk.capacity);
        reader.read(new StreamOptimizedVmdkReader.Grains() {
            @Override
            public boolean wanted(long diskOffset) {
                if (skipping[0] && diskOffset < skipBelow) {
                    return false;
                }
                if (skipping[0]) {
                    skipping[0] = false;
                    bytesReadAgain += bytesRead - attemptStart;
                }
                return true;
            }

            @Override
            public void grain(long diskOffset, byte[] data, int length) throws IOException {
                bytesWritten += writer.write(data, length, diskOffset);
                if (ascending[0] && diskOffset >= position) {
                    position = diskOffset + length;
                } else {
                    ascending[0] = false;
                }
                progressTo(diskOffset + length, false);
                saveCheckpointIfDue();
            }
        });
        if (skipping[0]) {
            // the stream held nothing past what the file had
            bytesReadAgain += bytesRead - attemptStart;
        }
        progressTo(disk.capacity, true);
        position = disk.capacity;
        streamDone = true;
    }

    /** Reports a streamOptimized copy's progress in the plan's bytes, up to disk offset {@code to}. */
    private void progressTo(long to, boolean last) {
        if (to <= progressAt || (!last && to - progressAt < STREAM_PROGRESS_STEP && disk.extents != null)) {
            return;
        }
        advance(ExtentPlan.bytesBelow(ranges, to) - ExtentPlan.bytesBelow(ranges, progressAt));
        progressAt = to;
    }

    private void advance(long bytes) {
        progress.advance(disk.index, bytes);
        progressed += bytes;
    }

    private void copyBody(InputStream in, SparseWriter writer, long end) throws IOException, InterruptedException {
        while (position < end) {
            checkpoint.run();
            int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, end - position));
            if (n == 0) {
                throw new IOException("the source ended at byte " + position + ", expected " + end);
            }
            bytesRead += n;
            if (limiter != null) {
                limiter.acquire(n, checkpoint);
            }
            bytesWritten += writer.write(buf, n, position);
            position += n;
            advance(n);
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
