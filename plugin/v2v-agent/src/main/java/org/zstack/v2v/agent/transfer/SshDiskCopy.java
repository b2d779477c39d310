package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.JobProcess;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.job.PhaseProgress;
import org.zstack.v2v.agent.ssh.SshIdentity;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Copies one disk of a KVM source host over SSH: qemu-nbd on the source serves the guest-visible disk (a qcow2's
 * backing chain flattened) through an {@link SshNbdTunnel}; {@code qemu-img map} over NBD block status gives the
 * extents that hold data, the bytes to read; {@code qemu-img convert -S 4k} reads only those and writes them into the
 * sparse {@code disk-<i>.raw}, zeroes left as holes, at this disk's share of the job's bandwidth ({@code -r}), its
 * {@code -p} figures feeding the phase's progress. It copies window by window, each followed by a {@link DiskCheckpoint},
 * so that a transfer of the job after an agent restart goes on from the last window. qemu-img runs as the job's
 * tracked process, and so does ssh: a cancel kills both; the source's qemu-nbd is then stopped by its PID
 * ({@link SourceNbdServer}).
 */
final class SshDiskCopy implements DiskTransfer {
    private static final Logger logger = Logger.getLogger(SshDiskCopy.class.getName());

    static final Duration INSPECT_TIMEOUT = Duration.ofMinutes(2);
    /** How long the forwarded socket may take to answer its first client. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    /**
     * A window's length in time at the disk's rate: a new qemu-img and NBD connection cost some 50 ms, 2 % of it; an
     * agent killed mid-window reads it again, on average half of it.
     */
    static final long WINDOW_SECONDS = 2;
    /** A multi-TiB disk over a slow link takes hours; a hung copy is still caught. */
    static final Duration CONVERT_TIMEOUT = Duration.ofHours(24);

    private final TransferCommand.SourceDisk disk;
    private final SshDiskUrl url;
    private final SshIdentity identity;
    private final JobRegistry.Job job;
    private final PhaseProgress progress;
    private final Runnable checkpoint;
    private final Long bandwidth;
    private final Path raw;
    private final Path marker;
    private final Path localSocket;
    private final Path serverRecord;
    private final DiskCheckpoint resume;
    /** The smallest piece copied by one qemu-img run, and so the most a resumed copy reads twice (or 5 s of it). */
    private final long minWindow;
    /** Set while the disk is being read; {@link #abort} reaches it from another thread. */
    private volatile SshNbdTunnel tunnel;

    SshDiskCopy(TransferCommand.SourceDisk disk, SshDiskUrl url, SshIdentity identity, TransferContext ctx) {
        this.disk = disk;
        this.url = url;
        this.identity = identity;
        this.job = ctx.job();
        this.progress = ctx.progress();
        this.checkpoint = ctx.checkpoint();
        this.bandwidth = ctx.bandwidthPerDisk();
        this.raw = ctx.dir().rawDisk(disk.index);
        this.marker = ctx.dir().doneMarker(disk.index);
        this.localSocket = ctx.dir().path().resolve("disk-" + disk.index + ".nbd.sock");
        this.serverRecord = ctx.dir().sourceNbdRecord(disk.index);
        this.resume = ctx.diskCheckpoint(disk.index);
        this.minWindow = Math.max(1 << 20, ctx.resumeEvery());
    }

    /** The capacity until the source's map is known; then the phase's total is corrected to the allocated bytes. */
    @Override
    public long plannedBytes() {
        return disk.capacity;
    }

    @Override
    public void abort() {
        SshNbdTunnel t = tunnel;
        if (t != null) {
            t.kill();
        }
    }

    @Override
    public TransferCommand.DiskResult copy() throws IOException, InterruptedException {
        TransferCommand.DiskResult done = DoneMarker.read(marker, raw, disk.capacity);
        if (done != null) {
            done.index = disk.index;
            done.path = raw.toString();
            progress.advance(disk.index, plannedBytes());
            logger.info(String.format("job %s disk %d: complete from an earlier run, not read again", job.uuid(),
                    disk.index));
            return done;
        }
        Files.deleteIfExists(marker);
        long start = System.nanoTime();
        long read;
        DiskCheckpoint.State from;
        try (SshNbdTunnel t = new SshNbdTunnel(disk.index, url, identity.path(),
                identity.path().resolveSibling("ctl-" + disk.index), localSocket, serverRecord, job)) {
            tunnel = t;
            t.open();
            checkpoint.run();
            long size = virtualSize(t);
            if (size != disk.capacity) {
                throw new AgentException(String.format("disk %d: %s has %d bytes, the command says capacity %d",
                        disk.index, url.shown(), size, disk.capacity));
            }
            NbdExtents source = map(List.of("-f", "raw", t.nbdUri()), "the source");
            progress.addTotal(source.dataBytes() - plannedBytes());
            // the same file (size, mtime) with the same data extents: what the checkpoint was made of
            from = resume.resume(DiskCheckpoint.identity(disk.capacity, source.data(), t.sourceStamp()), raw);
            long offset = from == null ? 0 : from.offset();
            if (from == null) {
                // a fresh file: what an interrupted run left could be stale where this run leaves a hole
                Files.deleteIfExists(raw);
            } else {
                long kept = ExtentPlan.bytesBelow(source.data(), offset);
                progress.advance(disk.index, kept);
                logger.info(String.format("job %s disk %d: resuming at byte %d of %d from the checkpoint of an earlier"
                                + " run (%d data bytes kept, %d to read)", job.uuid(), disk.index, offset, disk.capacity,
                        kept, source.dataBytes() - kept));
            }
            try (RandomAccessFile file = new RandomAccessFile(raw.toFile(), "rw")) {
                // past the checkpoint the file holds what the killed run may have half written: a hole again
                file.setLength(offset);
                file.setLength(disk.capacity);
                read = copyWindows(t, source.data(), offset, from == null ? 0 : from.bytesRead(), file.getChannel());
            }
        } finally {
            tunnel = null;
        }
        checkpoint.run();
        long written = map(List.of("-f", "raw", raw.toString()), raw.toString()).dataBytes();
        TransferCommand.DiskResult d = TransferCommand.DiskResult.of(disk, raw, read, written, start, from);
        DoneMarker.write(marker, d);
        resume.delete();
        logger.info(String.format("job %s disk %d: %s: %d bytes read, %d written, %d left as holes in %.1f s (%d B/s)%s",
                job.uuid(), disk.index, url.shown(), d.bytesRead, d.bytesWritten, d.zeroBytesSkipped, d.seconds,
                d.bytesPerSecond, from == null ? "" : String.format(", resumed at byte %d (%d bytes read before)",
                        d.resumedFromByte, d.bytesFromCheckpoint)));
        return d;
    }

    /**
     * Copies the data extents from {@code offset} on, one qemu-img run per window of about two seconds' worth (at
     * least {@link #minWindow}, at most 16 times that): after each, the raw file is synced and the checkpoint moves to
     * the window's end. One qemu-img for the whole disk would be a little faster, but where it stood when the agent
     * was killed nobody could say.
     *
     * @return the bytes this run read
     */
    private long copyWindows(SshNbdTunnel t, List<long[]> data, long offset, long bytesBefore, FileChannel out)
            throws IOException, InterruptedException {
        long window = bandwidth != null ? windowFor(bandwidth) : 4 * minWindow;
        long read = 0;
        long pos = offset;
        for (long[] w; (w = ExtentPlan.window(data, pos, window)) != null; ) {
            long t0 = System.nanoTime();
            convert(t, w[0], w[1], w[2]);
            read += w[2];
            pos = w[1];
            out.force(false);
            try {
                resume.save(pos, bytesBefore + read, 0);
            } catch (IOException e) {
                logger.warning(String.format("job %s disk %d: cannot write the checkpoint at byte %d: %s", job.uuid(),
                        disk.index, pos, e));
            }
            if (bandwidth == null) {
                window = windowFor((long) (w[2] / Math.max(1e-3, (System.nanoTime() - t0) / 1e9)));
            }
        }
        return read;
    }

    private long windowFor(long bytesPerSecond) {
        long wanted = bytesPerSecond * WINDOW_SECONDS;
        return Math.max(minWindow, Math.min(16 * minWindow, wanted));
    }

    /**
     * The export's size, asked until the forwarded socket answers: the first connection goes through ssh to qemu-nbd,
     * which may still be settling.
     */
    private long virtualSize(SshNbdTunnel t) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (true) {
            checkpoint.run();
            JobProcess.Result r = JobProcess.run(job, List.of("qemu-img", "info", "--output=json", "-f", "raw",
                    t.nbdUri()), INSPECT_TIMEOUT, checkpoint);
            if (r.ok()) {
                try {
                    return com.google.gson.JsonParser.parseString(r.stdout()).getAsJsonObject()
                            .get("virtual-size").getAsLong();
                } catch (RuntimeException e) {
                    throw new AgentException(String.format("disk %d: qemu-img info of %s answered no size",
                            disk.index, url.shown()));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AgentException(String.format("disk %d: the NBD export of %s does not answer: %s",
                        disk.index, url.shown(), r.error()));
            }
            Thread.sleep(200);
        }
    }

    private NbdExtents map(List<String> image, String what) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("qemu-img", "map", "--output=json"));
        c.addAll(image);
        JobProcess.Result r = JobProcess.run(job, c, INSPECT_TIMEOUT, checkpoint);
        if (!r.ok()) {
            throw new AgentException(String.format("disk %d: qemu-img map of %s failed: %s", disk.index,
                    what.equals("the source") ? url.shown() : what, r.error()));
        }
        return NbdExtents.parse(r.stdout());
    }

    /**
     * Reads the disk's bytes {@code [start, end)} into the same bytes of the raw file (raw drivers with an offset and a
     * size on both sides), writing only the blocks that hold data: past the checkpoint the file is a hole, so it
     * reads as zeroes ({@code --target-is-zero}). Reports progress as qemu-img prints it.
     */
    private void convert(SshNbdTunnel t, long start, long end, long toRead) throws IOException, InterruptedException {
        String window = "driver=raw,offset=" + start + ",size=" + (end - start);
        List<String> c = new ArrayList<>(List.of("qemu-img", "convert", "-p", "-n", "--target-is-zero", "-S", "4k"));
        if (bandwidth != null) {
            c.add("-r");
            c.add(String.valueOf(bandwidth));
        }
        c.addAll(List.of("--image-opts", window + ",file.driver=nbd,file.server.type=unix,file.server.path="
                + optionValue(t.localSocket().toString())));
        c.addAll(List.of("--target-image-opts", window + ",file.driver=file,file.filename=" + optionValue(raw.toString())));
        long[] reported = {0};
        JobProcess.Result r = JobProcess.runWatching(job, c, CONVERT_TIMEOUT, stdout -> {
            checkpoint.run();
            long now = (long) (toRead * QemuImgProgress.lastFraction(stdout));
            if (now > reported[0]) {
                progress.advance(disk.index, now - reported[0]);
                reported[0] = now;
            }
        });
        if (!r.ok()) {
            checkpoint.run();
            String err = r.stderr().isBlank() ? "exit code " + r.exitCode() : r.error();
            throw new AgentException(String.format("disk %d: copying %s failed%s: %s", disk.index, url.shown(),
                    t.isAlive() ? "" : " (the ssh session ended" + t.stderrSuffix() + ")", err));
        }
        progress.advance(disk.index, toRead - reported[0]);
    }

    /** A value in qemu's option syntax: a comma is doubled, else it would end the value. */
    static String optionValue(String s) {
        return s.replace(",", ",,");
    }
}
