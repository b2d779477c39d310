package org.zstack.v2v.agent.transfer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.JobCanceledException;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.testsupport.KvmSourceImages;
import org.zstack.v2v.agent.testsupport.RawImages;
import org.zstack.v2v.agent.testsupport.RecordingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The ssh:// disk against a real sshd (the tests' own, on 127.0.0.4:2223, standing for a KVM source host on this same
 * machine), real qemu-nbd on the "source" and real qemu-img here: content, bytes read, sparseness, errors, cancel.
 */
class SshDiskTransferIT {
    static final long MiB = 1 << 20;
    static final Path SSHD_DIR = Path.of("/tmp/v2v-agent-kvm-it-ssh");
    static final String ADDRESS = "127.0.0.4";
    static final int PORT = 2223;

    @TempDir
    static Path images;
    static String key;
    static Path overlay;
    static Path sparseRaw;

    @TempDir
    Path storage;
    final JobRegistry jobs = new JobRegistry();
    final RecordingContext ctx = new RecordingContext();

    @BeforeAll
    static void sourceHost() throws Exception {
        key = Files.readString(KvmSourceImages.startSourceSshd(SSHD_DIR, ADDRESS, PORT));
        // base: data at 0–8 MiB and 20–24 MiB; overlay: 4–12 MiB over it and 40–44 MiB; the rest never written
        Path base = images.resolve("base.qcow2");
        KvmSourceImages.createQcow2(base, 64 * MiB, null);
        KvmSourceImages.writeRandom(base, "qcow2", 0, 8 * MiB, 1);
        KvmSourceImages.writeRandom(base, "qcow2", 20 * MiB, 4 * MiB, 2);
        overlay = images.resolve("vm disk's overlay.qcow2");
        KvmSourceImages.createQcow2(overlay, 64 * MiB, base);
        KvmSourceImages.writeRandom(overlay, "qcow2", 4 * MiB, 8 * MiB, 3);
        KvmSourceImages.writeRandom(overlay, "qcow2", 40 * MiB, 4 * MiB, 4);
        sparseRaw = images.resolve("sparse.raw");
        RawImages.halfFull(sparseRaw, 32 * MiB, (int) (2 * MiB), 5);
    }

    @AfterAll
    static void stopSourceHost() throws Exception {
        KvmSourceImages.stopSourceSshd(SSHD_DIR);
    }

    static String url(Path image, String format) {
        return "ssh://root@" + ADDRESS + ":" + PORT + image.toUri().getRawPath() + "?format=" + format
                + "&forceShare=false";
    }

    TransferCommand.TransferCmd cmd(String job, String url, long capacity, String sshKey) {
        TransferCommand.SourceDisk d = new TransferCommand.SourceDisk();
        d.index = 0;
        d.url = url;
        d.capacity = capacity;
        TransferCommand.TransferCmd c = new TransferCommand.TransferCmd();
        c.jobUuid = job;
        c.apiId = "api-" + job;
        c.storagePath = storage.toString();
        c.progressSpan = 40;
        c.disks = List.of(d);
        c.sshPrivKey = sshKey;
        return c;
    }

    @Test
    void aQcow2WithABackingFileArrivesFlattenedReadingOnlyItsData() throws Exception {
        TransferCommand.DiskResult r = new TransferCommand(jobs)
                .handle(cmd("job-qcow2", url(overlay, "qcow2"), 64 * MiB, key), ctx).disks.get(0);

        Path expected = images.resolve("expected.raw");
        RawImages.run("qemu-img", "convert", "-f", "qcow2", "-O", "raw", overlay.toString(), expected.toString());
        assertTrue(KvmSourceImages.sameContent(Path.of(r.path), expected), "the raw is the guest-visible disk");

        long allocated = KvmSourceImages.allocatedInChain(overlay, "qcow2");
        System.out.printf(Locale.ROOT, "qcow2 chain: read %d bytes, %d allocated in the chain: ratio %.3f%n",
                r.bytesRead, allocated, (double) r.bytesRead / allocated);
        assertEquals(20 * MiB, allocated, "0–12, 20–24 and 40–44 MiB");
        assertTrue(r.bytesRead >= allocated && r.bytesRead <= allocated * 1.1, "read " + r.bytesRead);
        long fileAllocated = RawImages.allocatedBytes(Path.of(r.path));
        assertTrue(fileAllocated <= 21 * MiB, "the raw file is sparse: " + fileAllocated);
        assertEquals(r.capacity - r.bytesWritten, r.zeroBytesSkipped);
        assertEquals(64 * MiB, Files.size(Path.of(r.path)));
        assertTrue(Files.exists(storage.resolve("job-qcow2/disk-0.done")));
        assertFalse(Files.exists(storage.resolve("job-qcow2/disk-0.nbd.sock")), "the local socket is removed");
        RecordingContext.Report last = ctx.reports().get(ctx.reports().size() - 1);
        assertEquals(40, last.percent());
        assertEquals(r.bytesRead, ((Number) last.detail().get("totalBytes")).longValue(),
                "the total became the allocated bytes");

        TransferCommand.DiskResult again = new TransferCommand(jobs)
                .handle(cmd("job-qcow2", url(overlay, "qcow2"), 64 * MiB, key), ctx).disks.get(0);
        assertEquals(r.seconds, again.seconds, "a rerun answers the first run's figures without reading");
    }

    @Test
    void aSparseRawSourceReadsOnlyItsData() throws Exception {
        TransferCommand.DiskResult r = new TransferCommand(jobs)
                .handle(cmd("job-raw", url(sparseRaw, "raw"), 32 * MiB, key), ctx).disks.get(0);
        assertTrue(KvmSourceImages.sameContent(Path.of(r.path), sparseRaw));
        assertEquals(16 * MiB, r.bytesRead);
        assertEquals(16 * MiB, r.bytesWritten);
        assertEquals(16 * MiB, r.zeroBytesSkipped);
        assertTrue(RawImages.allocatedBytes(Path.of(r.path)) <= 17 * MiB);
    }

    @Test
    void aWrongKeyOrAMissingFileIsAClearErrorNamingTheDisk() throws Exception {
        Path other = images.resolve("other-key");
        RawImages.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
        String otherKey = Files.readString(other);
        AgentException e = assertThrows(AgentException.class, () -> new TransferCommand(jobs)
                .handle(cmd("job-key", url(sparseRaw, "raw"), 32 * MiB, otherKey), ctx));
        assertTrue(e.getMessage().startsWith("disk 0: ssh to root@127.0.0.4:2223 refused the key"), e.getMessage());
        assertFalse(e.getMessage().contains("PRIVATE KEY"), e.getMessage());

        AgentException missing = assertThrows(AgentException.class, () -> new TransferCommand(jobs)
                .handle(cmd("job-missing", url(images.resolve("gone.qcow2"), "qcow2"), 32 * MiB, key), ctx));
        assertTrue(missing.getMessage().startsWith("disk 0: no file ") && missing.getMessage().contains("gone.qcow2"),
                missing.getMessage());

        AgentException unreachable = assertThrows(AgentException.class, () -> new TransferCommand(jobs)
                .handle(cmd("job-port", url(sparseRaw, "raw").replace(":" + PORT, ":1"), 32 * MiB, key), ctx));
        assertTrue(unreachable.getMessage().startsWith("disk 0: cannot reach the source host 127.0.0.4:1"),
                unreachable.getMessage());

        AgentException wrongSize = assertThrows(AgentException.class, () -> new TransferCommand(jobs)
                .handle(cmd("job-size", url(sparseRaw, "raw"), 16 * MiB, key), ctx));
        for (AgentException x : List.of(e, missing, unreachable, wrongSize)) {
            System.out.println("error: " + x.getMessage());
        }
        assertTrue(wrongSize.getMessage().contains("has 33554432 bytes, the command says capacity 16777216"),
                wrongSize.getMessage());
    }

    @Test
    void cancelKillsSshAndQemuImgHereAndQemuNbdOnTheSource() throws Exception {
        Path big = images.resolve("big.raw");
        KvmSourceImages.randomFile(big, 48 * MiB, 9);
        TransferCommand.TransferCmd c = cmd("job-cancel", url(big, "raw"), 48 * MiB, key);
        c.downloadBandwidth = 4 * MiB;
        CompletableFuture<TransferCommand.TransferRsp> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new TransferCommand(jobs).handle(c, ctx);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Path socket = storage.resolve("job-cancel/disk-0.nbd.sock");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!running("qemu-img convert.*" + socket) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        assertFalse(run.isDone(), "still copying");
        assertTrue(running("qemu-nbd .*" + big), "qemu-nbd serves the disk on the source");

        long t0 = System.nanoTime();
        assertTrue(jobs.cancel("job-cancel"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertInstanceOf(JobCanceledException.class, e.getCause().getCause());
        assertTrue(seconds < 3, "stopped after " + seconds + " s");
        assertFalse(running(socket.toString()), "no ssh or qemu-img left on the job's socket");
        assertFalse(Files.exists(socket));
        assertFalse(Files.exists(storage.resolve("job-cancel/disk-0.done")));
        // stopped by its PID before the command ended, whenever the source would have noticed the session's end
        assertFalse(running("qemu-nbd .*" + big), "qemu-nbd on the source exited");
        assertFalse(Files.exists(storage.resolve("job-cancel/disk-0.nbd")));
    }

    /** The source's qemu-nbd as the tunnel recorded it in {@code disk-<i>.nbd}. */
    static long recordedPid(Path record) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(record)) {
            p.load(r);
        }
        return Long.parseLong(p.getProperty("pid"));
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
    }

    static boolean isZombie(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .anyMatch(l -> l.startsWith("State:") && l.contains("Z"));
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The remote shell dies before its own cleanup (what a source host under load, or sshd's teardown, can do): its
     * qemu-nbd, started with --persistent, would serve the image forever. Closing the tunnel stops it by its PID.
     */
    @Test
    void aQemuNbdOrphanedOnTheSourceIsStoppedByItsPidWhenTheTunnelCloses() throws Exception {
        JobRegistry.Job job = jobs.job("job-orphan");
        Path dir = Files.createDirectories(storage.resolve("job-orphan"));
        Path record = dir.resolve("disk-0.nbd");
        try (org.zstack.v2v.agent.ssh.SshIdentity id = org.zstack.v2v.agent.ssh.SshIdentity.write(key)) {
            SshNbdTunnel t = new SshNbdTunnel(0, SshDiskUrl.parse(0, url(sparseRaw, "raw")), id.path(),
                    id.path().resolveSibling("ctl-0"), dir.resolve("disk-0.nbd.sock"), record, job);
            long nbd;
            try {
                t.open();
                nbd = recordedPid(record);
                assertTrue(alive(nbd), "qemu-nbd runs on the source");
                long shell = ProcessHandle.of(nbd).flatMap(ProcessHandle::parent).orElseThrow().pid();
                RawImages.run("kill", "-KILL", String.valueOf(shell));
                Thread.sleep(300);
                assertTrue(alive(nbd), "orphaned, it still serves the image");
            } finally {
                t.close();
            }
            assertFalse(alive(nbd), "stopped by its PID when the tunnel closed");
            assertFalse(Files.exists(record), "and forgotten");
        }
    }

    /**
     * An agent killed mid-copy (here: its ssh killed, the tunnel never closed, the remote shell gone with it) leaves
     * the job's qemu-nbd on the source; the job's next transfer finds it in {@code disk-<i>.nbd} and stops it first.
     */
    @Test
    void theNextTransferOfAJobStopsTheQemuNbdAKilledAgentLeftOnTheSource() throws Exception {
        JobRegistry.Job job = jobs.job("job-left");
        Path dir = Files.createDirectories(storage.resolve("job-left"));
        Path record = dir.resolve("disk-0.nbd");
        long nbd;
        try (org.zstack.v2v.agent.ssh.SshIdentity id = org.zstack.v2v.agent.ssh.SshIdentity.write(key)) {
            SshNbdTunnel t = new SshNbdTunnel(0, SshDiskUrl.parse(0, url(sparseRaw, "raw")), id.path(),
                    id.path().resolveSibling("ctl-0"), dir.resolve("disk-0.nbd.sock"), record, job);
            t.open();
            nbd = recordedPid(record);
            long shell = ProcessHandle.of(nbd).flatMap(ProcessHandle::parent).orElseThrow().pid();
            RawImages.run("kill", "-KILL", String.valueOf(shell));
            t.kill();
            Thread.sleep(300);
            assertTrue(alive(nbd), "left running");
        }
        TransferCommand.DiskResult r = new TransferCommand(jobs)
                .handle(cmd("job-left", url(sparseRaw, "raw"), 32 * MiB, key), ctx).disks.get(0);
        assertFalse(alive(nbd), "the earlier qemu-nbd was stopped");
        assertTrue(KvmSourceImages.sameContent(Path.of(r.path), sparseRaw));
        assertFalse(Files.exists(record));
    }

    /** A copy canceled after its first windows goes on from its checkpoint: the windows before are not read again. */
    @Test
    void aCanceledCopyGoesOnFromItsLastWindow() throws Exception {
        Path big = images.resolve("resume.raw");
        KvmSourceImages.randomFile(big, 40 * MiB, 11);
        TransferCommand t = new TransferCommand(jobs, TransferCommand.DEFAULT_STALL_TIMEOUT, 4 * MiB);
        TransferCommand.TransferCmd c = cmd("job-resume", url(big, "raw"), 40 * MiB, key);
        c.downloadBandwidth = 4 * MiB;
        CompletableFuture<TransferCommand.TransferRsp> run = CompletableFuture.supplyAsync(() -> {
            try {
                return t.handle(c, ctx);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Path checkpoint = storage.resolve("job-resume/disk-0.checkpoint");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(checkpoint) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(checkpoint), "a window was finished");
        Thread.sleep(1000);
        assertTrue(jobs.cancel("job-resume"));
        assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        assertFalse(running("qemu-nbd .*" + big), "the source's qemu-nbd was stopped before the command ended");

        TransferCommand.DiskResult r = t.handle(cmd("job-resume", url(big, "raw"), 40 * MiB, key), ctx).disks.get(0);
        System.out.printf(Locale.ROOT, "ssh resume: at byte %d, %d read before, %d read now%n", r.resumedFromByte,
                r.bytesFromCheckpoint, r.bytesRead);
        assertTrue(r.resumedFromByte >= 8 * MiB && r.resumedFromByte % (8 * MiB) == 0,
                "whole windows of 2 s at 4 MiB/s: " + r.resumedFromByte);
        assertEquals(r.resumedFromByte, r.bytesFromCheckpoint);
        assertEquals(40 * MiB - r.resumedFromByte, r.bytesRead);
        assertTrue(KvmSourceImages.sameContent(Path.of(r.path), big));
        assertFalse(Files.exists(checkpoint));
    }

    static boolean running(String pattern) throws Exception {
        return new ProcessBuilder("pgrep", "-f", pattern).start().waitFor() == 0;
    }
}
