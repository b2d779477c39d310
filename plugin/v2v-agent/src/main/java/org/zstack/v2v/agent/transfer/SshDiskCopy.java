package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.JobProcess;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.job.PhaseProgress;
import org.zstack.v2v.agent.ssh.SshIdentity;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Copies one disk of a KVM source host over SSH: qemu-nbd on the source serves the guest-visible disk (a qcow2's
 * backing chain flattened) through an {@link SshNbdTunnel}; {@code qemu-img map} over NBD block status gives the
 * extents that hold data, the bytes to read; {@code qemu-img convert -S 4k} reads only those and writes them into the
 * sparse {@code disk-<i>.raw}, zeroes left as holes, at this disk's share of the job's bandwidth ({@code -r}), its
 * {@code -p} figures feeding the phase's progress. qemu-img runs as the job's tracked process, and so does ssh: a
 * cancel kills both, and the source's qemu-nbd ends with the ssh session.
 */
final class SshDiskCopy implements DiskTransfer {
    private static final Logger logger = Logger.getLogger(SshDiskCopy.class.getName());

    static final Duration INSPECT_TIMEOUT = Duration.ofMinutes(2);
    /** How long the forwarded socket may take to answer its first client. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
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
        // qemu-img writes a fresh file: what an interrupted run left could be stale where this run leaves a hole
        Files.deleteIfExists(raw);
        long start = System.nanoTime();
        long read;
        try (SshNbdTunnel t = new SshNbdTunnel(disk.index, url, identity.path(),
                identity.path().resolveSibling("ctl-" + disk.index), localSocket, job)) {
            tunnel = t;
            t.open();
            checkpoint.run();
            long size = virtualSize(t);
            if (size != disk.capacity) {
                throw new AgentException(String.format("disk %d: %s has %d bytes, the command says capacity %d",
                        disk.index, url.shown(), size, disk.capacity));
            }
            NbdExtents source = map(List.of("-f", "raw", t.nbdUri()), "the source");
            read = source.dataBytes();
            progress.addTotal(read - plannedBytes());
            convert(t, read);
        } finally {
            tunnel = null;
        }
        checkpoint.run();
        // the marker below promises a complete file: qemu-img's default cache for convert does not sync
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.WRITE)) {
            ch.force(false);
        }
        long written = map(List.of("-f", "raw", raw.toString()), raw.toString()).dataBytes();
        TransferCommand.DiskResult d = TransferCommand.DiskResult.of(disk, raw, read, written, start);
        DoneMarker.write(marker, d);
        logger.info(String.format("job %s disk %d: %s: %d bytes read, %d written, %d left as holes in %.1f s (%d B/s)",
                job.uuid(), disk.index, url.shown(), d.bytesRead, d.bytesWritten, d.zeroBytesSkipped, d.seconds,
                d.bytesPerSecond));
        return d;
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

    /** Reads the data extents into the sparse raw file, reporting progress as qemu-img prints it. */
    private void convert(SshNbdTunnel t, long toRead) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("qemu-img", "convert", "-p", "-f", "raw", "-O", "raw", "-S", "4k"));
        if (bandwidth != null) {
            c.add("-r");
            c.add(String.valueOf(bandwidth));
        }
        c.add(t.nbdUri());
        c.add(raw.toString());
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
}
