package org.zstack.v2v.agent.transfer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.JobCanceledException;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.testsupport.RangeFileServer;
import org.zstack.v2v.agent.testsupport.RawImages;
import org.zstack.v2v.agent.testsupport.RecordingContext;
import org.zstack.v2v.agent.testsupport.SelfSignedCert;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The HTTPS copy of a disk served as a streamOptimized VMDK (made by qemu-img, served without Range as ESXi's NFC
 * export does): decoded as it streams into the sparse raw file, with progress, bandwidth limit, cancel, retry and
 * checkpointed resume as for a flat disk.
 */
class StreamOptimizedTransferTest {
    static final long MiB = 1 << 20;
    static final long CAPACITY = 32 * MiB;

    @TempDir
    static Path shared;
    static SelfSignedCert cert;
    static RangeFileServer server;
    static Path source;
    static Path vmdk;
    static String url;
    static String corruptUrl;

    @TempDir
    Path storage;
    final JobRegistry jobs = new JobRegistry();
    final RecordingContext ctx = new RecordingContext();

    @BeforeAll
    static void serve() throws Exception {
        cert = SelfSignedCert.create(shared);
        server = new RangeFileServer(cert);
        source = shared.resolve("source.raw");
        RawImages.halfFull(source, CAPACITY, (int) (2 * MiB), 42);
        vmdk = shared.resolve("disk.vmdk");
        RawImages.run("qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized",
                source.toString(), vmdk.toString());
        url = server.serve("nfc/lease/disk-0.vmdk", vmdk);
        Path corrupt = shared.resolve("corrupt.vmdk");
        Files.copy(vmdk, corrupt);
        try (RandomAccessFile f = new RandomAccessFile(corrupt.toFile(), "rw")) {
            // the middle of the stream, inside some grain's deflate data
            f.seek(Files.size(vmdk) / 2);
            f.write(new byte[4096]);
        }
        corruptUrl = server.serve("nfc/lease/disk-1.vmdk", corrupt);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void resetServer() {
        server.throttle(0).ignoreRange(false);
    }

    TransferCommand.SourceDisk disk(String u) {
        TransferCommand.SourceDisk d = new TransferCommand.SourceDisk();
        d.index = 0;
        d.url = u;
        d.sslThumbprint = cert.thumbprint();
        d.capacity = CAPACITY;
        return d;
    }

    TransferCommand.TransferCmd cmd(String job, TransferCommand.SourceDisk d) {
        TransferCommand.TransferCmd c = new TransferCommand.TransferCmd();
        c.jobUuid = job;
        c.apiId = "api-" + job;
        c.storagePath = storage.toString();
        c.progressBase = 0;
        c.progressSpan = 40;
        c.parallelDisks = 1;
        c.disks = List.of(d);
        return c;
    }

    @Test
    void theStreamIsDecodedIntoTheSameSparseDisk() throws Exception {
        long served = server.bytesServed();
        int requests = server.ranges().size();
        TransferCommand.DiskResult d = new TransferCommand(jobs).handle(cmd("job-so", disk(url)), ctx).disks.get(0);

        Path raw = storage.resolve("job-so/disk-0.raw");
        assertEquals(-1, Files.mismatch(source, raw), "the decoded disk reads back as the source");
        assertEquals(CAPACITY / 2, d.bytesWritten, "only the data grains are written");
        assertTrue(RawImages.allocatedBytes(raw) <= CAPACITY / 2 + MiB, "holes stay holes");
        assertTrue(d.bytesRead <= Files.size(vmdk) && d.bytesRead < CAPACITY * 0.6,
                "only the stream's grains are read: " + d.bytesRead);
        assertTrue(server.bytesServed() - served <= Files.size(vmdk));
        assertEquals(1, server.ranges().size() - requests, "one request");
        assertEquals("-", server.ranges().get(requests), "without Range");
        assertEquals(0, d.bytesReadAgain);
        RecordingContext.Report last = ctx.reports().get(ctx.reports().size() - 1);
        assertEquals(40, last.percent());
        assertEquals(CAPACITY, last.detail().get("bytes"));
        assertTrue(Files.exists(storage.resolve("job-so/disk-0.done")));
    }

    @Test
    void theBandwidthLimitHolds() throws Exception {
        TransferCommand.TransferCmd c = cmd("job-so-slow", disk(url));
        c.downloadBandwidth = 8 * MiB;
        long t0 = System.nanoTime();
        new TransferCommand(jobs).handle(c, ctx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds >= 1.7, "16 MiB of stream at 8 MiB/s took " + seconds + " s");
    }

    @Test
    void aCanceledCopyResumesFromItsCheckpointSkippingTheGrainsItHas() throws Exception {
        server.throttle(8 * MiB);
        TransferCommand t = new TransferCommand(jobs, Duration.ofSeconds(60), 2 * MiB);
        long first = cancelAfter(t, cmd("job-so-resume", disk(url)), 8 * MiB);
        Path checkpoint = storage.resolve("job-so-resume/disk-0.checkpoint");
        assertTrue(Files.readString(checkpoint).contains("format=streamOptimized"), Files.readString(checkpoint));

        server.throttle(0);
        int requests = server.ranges().size();
        TransferCommand.DiskResult d = t.handle(cmd("job-so-resume", disk(url)), ctx).disks.get(0);

        assertEquals(-1, Files.mismatch(source, Path.of(d.path)));
        assertEquals("-", server.ranges().get(requests), "the stream is read again from its start, without Range");
        assertTrue(d.resumedFromByte > 0, "resumed at " + d.resumedFromByte);
        assertTrue(d.bytesReadAgain > 0 && d.bytesReadAgain <= first, "read again: " + d.bytesReadAgain);
        assertEquals(CAPACITY / 2, d.bytesWritten, "the written blocks of both runs, counted once");
        System.out.printf(Locale.ROOT, "streamOptimized resume: first run sent %d bytes, checkpoint at disk byte %d, "
                + "second run read %d, of them %d again%n", first, d.resumedFromByte, d.bytesRead, d.bytesReadAgain);
        assertFalse(Files.exists(checkpoint));
    }

    @Test
    void aStalledStreamIsReadAgainSkippingWhatTheFileHas() throws Exception {
        server.stallOnceAfter(6 * MiB);
        TransferCommand t = new TransferCommand(jobs, Duration.ofSeconds(1));
        TransferCommand.DiskResult d = t.handle(cmd("job-so-stall", disk(url)), ctx).disks.get(0);
        assertEquals(-1, Files.mismatch(source, storage.resolve("job-so-stall/disk-0.raw")));
        assertTrue(d.bytesReadAgain > 0 && d.bytesReadAgain <= 6 * MiB, "read again: " + d.bytesReadAgain);
        assertEquals(CAPACITY / 2, d.bytesWritten);
    }

    @Test
    void aCorruptStreamFailsTheDiskNamingItAndTheOffsetAndDeliversNothing() {
        AgentException e = assertThrows(AgentException.class,
                () -> new TransferCommand(jobs).handle(cmd("job-so-bad", disk(corruptUrl)), ctx));
        assertTrue(e.getMessage().matches("(?s).*disk 0 \\(https://[^)]*/nfc/lease/disk-1.vmdk\\): streamOptimized "
                + "VMDK at stream byte \\d+: .*"), e.getMessage());
        assertFalse(Files.exists(storage.resolve("job-so-bad/disk-0.done")));
    }

    @Test
    void aStreamForADiskOfAnotherCapacityFails() {
        TransferCommand.SourceDisk d = disk(url);
        d.capacity = CAPACITY + MiB;
        AgentException e = assertThrows(AgentException.class,
                () -> new TransferCommand(jobs).handle(cmd("job-so-cap", d), ctx));
        assertTrue(e.getMessage().contains("differs from the disk's"), e.getMessage());
    }

    long cancelAfter(TransferCommand t, TransferCommand.TransferCmd c, long bytes) throws Exception {
        long before = server.bytesServed();
        CompletableFuture<TransferCommand.TransferRsp> run = CompletableFuture.supplyAsync(() -> {
            try {
                return t.handle(c, ctx);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.bytesServed() - before < bytes && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(jobs.cancel(c.jobUuid));
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        assertInstanceOf(JobCanceledException.class, e.getCause().getCause());
        return server.bytesServed() - before;
    }
}
