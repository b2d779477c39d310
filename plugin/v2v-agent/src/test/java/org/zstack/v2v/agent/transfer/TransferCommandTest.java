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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The transfer against a real local HTTPS server with Range, real sparse files and real allocation counts. */
class TransferCommandTest {
    static final long MiB = 1 << 20;
    static final long CAPACITY = 32 * MiB;
    /** Data in every other 2 MiB: gaps wider than the merge gap, so each extent is its own request. */
    static final int CHUNK = (int) (2 * MiB);
    static final String COOKIE = "vmware_soap_session=\"52d0-secret-ticket\"";

    @TempDir
    static Path shared;
    static SelfSignedCert cert;
    static RangeFileServer server;
    static Path source;
    static List<long[]> extents;
    static String url;
    static String denseUrl;

    @TempDir
    Path storage;
    final JobRegistry jobs = new JobRegistry();
    final RecordingContext ctx = new RecordingContext();

    @BeforeAll
    static void serve() throws Exception {
        cert = SelfSignedCert.create(shared);
        server = new RangeFileServer(cert);
        source = shared.resolve("source.raw");
        extents = RawImages.halfFull(source, CAPACITY, CHUNK, 42);
        url = server.serve("folder/vm/disk-flat.vmdk", source);
        Path dense = shared.resolve("dense.raw");
        byte[] data = new byte[(int) (8 * MiB)];
        new Random(7).nextBytes(data);
        Files.write(dense, data);
        denseUrl = server.serve("folder/vm/dense-flat.vmdk", dense);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void resetServer() {
        server.requireCookie(null).throttle(0).ignoreRange(false).etag(null);
    }

    TransferCommand.SourceDisk disk(int index, String u, List<long[]> ext) {
        TransferCommand.SourceDisk d = new TransferCommand.SourceDisk();
        d.index = index;
        d.url = u;
        d.sslThumbprint = cert.thumbprint();
        d.capacity = u.equals(denseUrl) ? 8 * MiB : CAPACITY;
        d.extents = ext;
        return d;
    }

    TransferCommand.TransferCmd cmd(String job, TransferCommand.SourceDisk... disks) {
        TransferCommand.TransferCmd c = new TransferCommand.TransferCmd();
        c.jobUuid = job;
        c.apiId = "api-" + job;
        c.storagePath = storage.toString();
        c.progressBase = 0;
        c.progressSpan = 40;
        c.parallelDisks = 2;
        c.disks = List.of(disks);
        return c;
    }

    @Test
    void theWholeDiskIsCopiedWithoutWritingItsZeroBlocks() throws Exception {
        long served = server.bytesServed();
        TransferCommand.TransferRsp rsp = new TransferCommand(jobs).handle(cmd("job-whole", disk(0, url, null)), ctx);

        TransferCommand.DiskResult d = rsp.disks.get(0);
        Path raw = storage.resolve("job-whole/disk-0.raw");
        assertEquals(raw.toString(), d.path);
        assertEquals(CAPACITY, Files.size(raw));
        assertEquals(-1, Files.mismatch(source, raw), "the copy reads back as the source");
        assertEquals(CAPACITY, d.bytesRead);
        assertEquals(CAPACITY, server.bytesServed() - served);
        assertEquals(CAPACITY / 2, d.bytesWritten, "only the data blocks are written");
        assertEquals(CAPACITY / 2, d.zeroBytesSkipped);
        long allocated = RawImages.allocatedBytes(raw);
        assertTrue(allocated <= CAPACITY / 2 + MiB, "allocated " + allocated + " bytes for 16 MiB of data");
        assertTrue(Files.exists(storage.resolve("job-whole/disk-0.done")));

        RecordingContext.Report last = ctx.reports().get(ctx.reports().size() - 1);
        assertEquals(40, last.percent());
        assertEquals("transfer", last.detail().get("phase"));
        assertEquals(CAPACITY, last.detail().get("bytes"));
        assertEquals(CAPACITY, last.detail().get("totalBytes"));
        assertEquals(1, last.detail().get("disks"));
        assertTrue(last.detail().containsKey("bytesPerSecond"));
    }

    @Test
    void withExtentsOnlyThoseRangesAreReadEachInOneRequest() throws Exception {
        long served = server.bytesServed();
        int before = server.ranges().size();
        TransferCommand.TransferRsp rsp = new TransferCommand(jobs).handle(cmd("job-ext", disk(0, url, extents)), ctx);

        TransferCommand.DiskResult d = rsp.disks.get(0);
        assertEquals(CAPACITY / 2, d.bytesRead);
        assertEquals(CAPACITY / 2, server.bytesServed() - served);
        List<String> ranges = server.ranges().subList(before, server.ranges().size());
        assertEquals(extents.size(), ranges.size());
        assertEquals("bytes=0-" + (CHUNK - 1), ranges.get(0));
        Path raw = storage.resolve("job-ext/disk-0.raw");
        assertEquals(-1, Files.mismatch(source, raw));
        assertTrue(RawImages.allocatedBytes(raw) <= CAPACITY / 2 + MiB);
    }

    @Test
    void aSecondRunSkipsTheFinishedDiskAndAnswersTheSameFigures() throws Exception {
        TransferCommand t = new TransferCommand(jobs);
        TransferCommand.DiskResult first = t.handle(cmd("job-rerun", disk(0, url, extents)), ctx).disks.get(0);
        long served = server.bytesServed();

        TransferCommand.DiskResult again = t.handle(cmd("job-rerun", disk(0, url, extents)), ctx).disks.get(0);

        assertEquals(served, server.bytesServed(), "nothing read again");
        assertEquals(first.bytesRead, again.bytesRead);
        assertEquals(first.bytesWritten, again.bytesWritten);
        assertEquals(first.path, again.path);
    }

    @Test
    void theHeadersAreSentAndNeverShownInAnError() throws Exception {
        server.requireCookie(COOKIE);
        TransferCommand.SourceDisk withCookie = disk(0, url, extents);
        withCookie.headers = Map.of("Cookie", COOKIE);
        TransferCommand.TransferRsp rsp = new TransferCommand(jobs).handle(cmd("job-cookie", withCookie), ctx);
        assertEquals(CAPACITY / 2, rsp.disks.get(0).bytesRead);

        TransferCommand.SourceDisk wrongCookie = disk(1, url, extents);
        wrongCookie.headers = Map.of("Cookie", "vmware_soap_session=\"other-secret\"");
        AgentException e = assertThrows(AgentException.class,
                () -> new TransferCommand(jobs).handle(cmd("job-cookie2", wrongCookie), ctx));
        assertTrue(e.getMessage().startsWith("disk 1: HTTP 403 from GET https://127.0.0.1:"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aLowerCaseThumbprintWithoutColonsIsTheSameThumbprint() throws Exception {
        TransferCommand.SourceDisk d = disk(0, denseUrl, null);
        d.sslThumbprint = cert.thumbprint().replace(":", "").toLowerCase(Locale.ROOT);
        assertEquals(8 * MiB, new TransferCommand(jobs).handle(cmd("job-lower", d), ctx).disks.get(0).bytesWritten);
    }

    @Test
    void aWrongThumbprintOrNoneFailsAtOnce() {
        TransferCommand.SourceDisk wrong = disk(0, denseUrl, null);
        wrong.sslThumbprint = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33";
        long t0 = System.nanoTime();
        AgentException e = assertThrows(AgentException.class,
                () -> new TransferCommand(jobs).handle(cmd("job-wrong", wrong), ctx));
        assertTrue(e.getMessage().contains("thumbprint"), e.getMessage());
        assertTrue(e.getMessage().startsWith("disk 0: TLS with https://127.0.0.1:"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3), "no retries of a TLS failure");

        TransferCommand.SourceDisk none = disk(0, denseUrl, null);
        none.sslThumbprint = null;
        AgentException e2 = assertThrows(AgentException.class,
                () -> new TransferCommand(jobs).handle(cmd("job-none", none), ctx));
        assertTrue(e2.getMessage().startsWith("disk 0: TLS with"), e2.getMessage());
    }

    @Test
    void theBandwidthLimitHolds() throws Exception {
        TransferCommand.TransferCmd c = cmd("job-slow", disk(0, denseUrl, null));
        c.downloadBandwidth = 4 * MiB;
        long t0 = System.nanoTime();
        new TransferCommand(jobs).handle(c, ctx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds >= 1.8, "8 MiB at 4 MiB/s took " + seconds + " s");
    }

    @Test
    void cancelStopsTheTransferWithinASecond() throws Exception {
        server.throttle(4 * MiB);
        TransferCommand t = new TransferCommand(jobs);
        CompletableFuture<TransferCommand.TransferRsp> run = CompletableFuture.supplyAsync(() -> {
            try {
                return t.handle(cmd("job-cancel", disk(0, url, null), disk(1, url, null)), ctx);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(1500);
        assertFalse(run.isDone(), "still copying");
        long t0 = System.nanoTime();
        assertTrue(jobs.cancel("job-cancel"), "something was running");

        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(5, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 1.0, "stopped after " + seconds + " s");
        Throwable cause = e.getCause().getCause();
        assertInstanceOf(JobCanceledException.class, cause);
        assertEquals("job job-cancel canceled", cause.getMessage());
        assertFalse(Files.exists(storage.resolve("job-cancel/disk-0.done")));
        assertFalse(Files.exists(storage.resolve("job-cancel/disk-1.done")));
    }

    /** Starts the job's transfer, cancels it once the server has sent {@code bytes}; answers what it had sent. */
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

    @Test
    void aCanceledTransferGoesOnFromItsLastCheckpointNotFromTheDiskStart() throws Exception {
        server.throttle(8 * MiB);
        TransferCommand t = new TransferCommand(jobs, Duration.ofSeconds(60), 2 * MiB);
        long first = cancelAfter(t, cmd("job-resume", disk(0, url, null)), CAPACITY / 2);
        Path checkpoint = storage.resolve("job-resume/disk-0.checkpoint");
        assertTrue(Files.exists(checkpoint), "the first run left its checkpoint");

        server.throttle(0);
        long before = server.bytesServed();
        int requests = server.ranges().size();
        TransferCommand.DiskResult d = t.handle(cmd("job-resume", disk(0, url, null)), ctx).disks.get(0);
        long second = server.bytesServed() - before;

        assertEquals(-1, Files.mismatch(source, Path.of(d.path)));
        assertTrue(d.resumedFromByte > 0 && d.resumedFromByte <= first, "resumed at " + d.resumedFromByte);
        assertEquals("bytes=" + d.resumedFromByte + "-" + (CAPACITY - 1), server.ranges().get(requests));
        assertEquals(d.resumedFromByte, d.bytesFromCheckpoint, "the whole disk is planned: every byte below was read");
        assertEquals(CAPACITY - d.resumedFromByte, d.bytesRead);
        assertEquals(CAPACITY - d.zeroBytesSkipped, d.bytesWritten);
        assertEquals(CAPACITY / 2, d.bytesWritten, "the written blocks of both runs, counted once");
        long twice = first + second - CAPACITY;
        System.out.printf(Locale.ROOT, "resume: first run sent %d bytes, checkpoint at %d, second run %d: bytes read"
                + " twice %d%n", first, d.resumedFromByte, second, twice);
        assertTrue(twice >= 0 && twice < 8 * MiB, "read twice: " + twice);
        assertFalse(Files.exists(checkpoint), "a finished disk has its done marker, no checkpoint");
    }

    @Test
    void aSourceOfAnotherVersionThanTheCheckpointsIsCopiedFromItsStart() throws Exception {
        server.throttle(8 * MiB).etag("\"v1\"");
        TransferCommand t = new TransferCommand(jobs, Duration.ofSeconds(60), 2 * MiB);
        cancelAfter(t, cmd("job-changed", disk(0, url, List.of(new long[]{0, CAPACITY}))), CAPACITY / 2);
        assertTrue(Files.readString(storage.resolve("job-changed/disk-0.checkpoint")).contains("v1"));

        server.throttle(0).etag("\"v2\"");
        TransferCommand.DiskResult d = t.handle(cmd("job-changed", disk(0, url, List.of(new long[]{0, CAPACITY}))), ctx)
                .disks.get(0);
        assertEquals(0, d.resumedFromByte, "the checkpoint holds data of another version");
        assertEquals(CAPACITY, d.bytesRead);
        assertEquals(-1, Files.mismatch(source, Path.of(d.path)));
    }

    @Test
    void aStalledDownloadIsDroppedAndResumedWhereItStopped() throws Exception {
        server.stallOnceAfter(5 * MiB);
        int before = server.ranges().size();
        TransferCommand t = new TransferCommand(jobs, Duration.ofSeconds(1));
        TransferCommand.DiskResult d = t.handle(cmd("job-stall", disk(0, url, null)), ctx).disks.get(0);

        assertEquals(-1, Files.mismatch(source, storage.resolve("job-stall/disk-0.raw")));
        List<String> ranges = new ArrayList<>(server.ranges().subList(before, server.ranges().size()));
        assertEquals(2, ranges.size(), ranges.toString());
        assertEquals("-", ranges.get(0));
        assertTrue(ranges.get(1).matches("bytes=\\d+-" + (CAPACITY - 1)), ranges.get(1));
        long resumedAt = Long.parseLong(ranges.get(1).substring(6, ranges.get(1).indexOf('-')));
        assertTrue(resumedAt > 0 && resumedAt <= 5 * MiB, "resumed at " + resumedAt);
        assertEquals(CAPACITY, d.bytesRead);
    }

    @Test
    void aServerThatIgnoresRangeStillGivesTheRightContent() throws Exception {
        server.ignoreRange(true);
        TransferCommand.DiskResult d = new TransferCommand(jobs)
                .handle(cmd("job-norange", disk(0, url, extents.subList(0, 3))), ctx).disks.get(0);
        Path raw = storage.resolve("job-norange/disk-0.raw");
        byte[] want = Files.readAllBytes(source);
        byte[] got = Files.readAllBytes(raw);
        // the three extents as in the source, the rest a hole
        long end = extents.get(2)[0] + extents.get(2)[1];
        for (int i = 0; i < want.length; i += 4096) {
            byte expected = i < end ? want[i] : 0;
            assertEquals(expected, got[i], "byte " + i);
        }
        assertEquals(3L * CHUNK, d.bytesWritten);
    }

    @Test
    void disksCopyInParallelAndAFailingOneNamesItself() throws Exception {
        TransferCommand.TransferRsp rsp = new TransferCommand(jobs).handle(
                cmd("job-multi", disk(0, url, extents), disk(1, denseUrl, null), disk(2, url, null)), ctx);
        assertEquals(List.of(0, 1, 2), rsp.disks.stream().map(d -> d.index).toList());
        assertEquals(-1, Files.mismatch(source, storage.resolve("job-multi/disk-2.raw")));

        AgentException e = assertThrows(AgentException.class, () -> new TransferCommand(jobs).handle(
                cmd("job-404", disk(0, url, extents), disk(1, url.replace("disk-flat", "missing-flat"), null)), ctx));
        assertTrue(e.getMessage().startsWith("disk 1: HTTP 404 from GET https://127.0.0.1:"), e.getMessage());
    }

    @Test
    void unsafeJobKeysAndBadDisksAreRefused() {
        TransferCommand t = new TransferCommand(jobs);
        assertThrows(AgentException.class, () -> t.handle(cmd("../etc", disk(0, url, null)), ctx));
        assertThrows(AgentException.class, () -> t.handle(cmd("job-dup", disk(0, url, null), disk(0, url, null)), ctx));
        TransferCommand.TransferCmd relative = cmd("job-rel", disk(0, url, null));
        relative.storagePath = "cache";
        assertThrows(AgentException.class, () -> t.handle(relative, ctx));
        AgentException ftp = assertThrows(AgentException.class,
                () -> t.handle(cmd("job-ftp", disk(0, url, null), disk(1, "ftp://h/disk.img", null)), ctx));
        assertEquals("disk 1: unsupported url scheme ftp", ftp.getMessage());
        AgentException noKey = assertThrows(AgentException.class,
                () -> t.handle(cmd("job-nokey", disk(0, "ssh://root@h/d.qcow2?format=qcow2", null)), ctx));
        assertTrue(noKey.getMessage().contains("sshPrivKey"), noKey.getMessage());
    }
}
