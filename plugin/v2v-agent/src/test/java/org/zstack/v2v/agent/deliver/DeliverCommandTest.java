package org.zstack.v2v.agent.deliver;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.AgentException;
import org.zstack.agent.runtime.AgentServer;
import org.zstack.v2v.agent.V2VAgentExtension;
import org.zstack.v2v.agent.testsupport.SignedCalls;
import org.zstack.v2v.agent.job.JobCanceledException;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.testsupport.RawImages;
import org.zstack.v2v.agent.testsupport.RecordingContext;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Deliver with the real qemu-img, and the upload through a real agent (the runtime and this extension) on a free
 * loopback port: the target host's side of the same code.
 */
class DeliverCommandTest {
    static final long MiB = 1 << 20;

    @TempDir
    static Path shared;
    static AgentServer target;
    static String targetUrl;
    static Path halfFullRaw;

    @TempDir
    Path storage;
    @TempDir
    Path primaryStorage;
    final JobRegistry jobs = new JobRegistry();
    final RecordingContext ctx = new RecordingContext(List.of(System.getProperty("java.io.tmpdir"), "/dev/shm"));

    @BeforeAll
    static void startTargetAgent() throws Exception {
        target = new AgentServer(new AgentConfig("127.0.0.1", 0, "test:///default", shared.resolve("agent-state")),
                List.of(new V2VAgentExtension()));
        SignedCalls.installSecret(target.config());
        target.start();
        // the test's primary storages are JUnit temporary directories
        target.allowedRoots().register(List.of(System.getProperty("java.io.tmpdir")));
        targetUrl = "http://127.0.0.1:" + target.port();
        halfFullRaw = shared.resolve("half.raw");
        RawImages.halfFull(halfFullRaw, 24 * MiB, (int) MiB, 11);
    }

    @AfterAll
    static void stopTargetAgent() {
        if (target != null) {
            target.stop();
        }
    }

    /** The job's transferred disk, as transfer leaves it: {@code <storage>/<job>/disk-<i>.raw}. */
    Path jobDisk(String job, int i, Path from) throws Exception {
        Path d = Files.createDirectories(storage.resolve(job)).resolve("disk-" + i + ".raw");
        RawImages.run("cp", "--sparse=always", from.toString(), d.toString());
        return d;
    }

    DeliverCommand.DeliverCmd cmd(String job, boolean compress, String targetAgentUrl, Path disk, String installPath) {
        DeliverCommand.DeliverCmd c = new DeliverCommand.DeliverCmd();
        c.jobUuid = job;
        c.apiId = "api-" + job;
        c.storagePath = storage.toString();
        c.compress = compress;
        c.progressBase = 80;
        c.progressSpan = 20;
        c.targetAgentUrl = targetAgentUrl;
        String[] key = SignedCalls.uploadKey();
        c.targetAgentKey = key[0];
        c.targetAgentKeyScope = key[1];
        DeliverCommand.Volume v = new DeliverCommand.Volume();
        v.disk = disk.toString();
        v.installPath = installPath;
        c.volumes = List.of(v);
        return c;
    }

    static void assertValidCopyOf(Path raw, Path qcow2) throws Exception {
        RawImages.run("qemu-img", "check", "-f", "qcow2", qcow2.toString());
        String same = RawImages.run("qemu-img", "compare", "-f", "raw", "-F", "qcow2", raw.toString(), qcow2.toString());
        assertTrue(same.contains("Images are identical"), same);
    }

    @Test
    void compressedQcow2IsMovedToTheInstallPathOnThisHost() throws Exception {
        Path raw = jobDisk("job-c", 0, halfFullRaw);
        Path install = primaryStorage.resolve("rootVolumes/vol-1/1.qcow2");
        DeliverCommand.DeliverRsp rsp = new DeliverCommand(jobs)
                .handle(cmd("job-c", true, null, raw, install.toString()), ctx);

        assertValidCopyOf(raw, install);
        String info = RawImages.run("qemu-img", "info", install.toString());
        assertTrue(info.contains("compression type: zstd"), info);
        DeliverCommand.DeliveredVolume v = rsp.volumes.get(0);
        assertEquals(install.toString(), v.installPath);
        assertEquals(24 * MiB, v.size);
        assertEquals(Files.size(install), v.actualSize);
        assertFalse(Files.exists(storage.resolve("job-c/out/disk-0.qcow2")), "moved, not copied");
        assertEquals(100, ctx.reports().get(ctx.reports().size() - 1).percent());
        assertEquals("deliver", ctx.reports().get(ctx.reports().size() - 1).detail().get("phase"));
    }

    @Test
    void onAnotherFileSystemTheVolumeIsCopiedThenRenamed() throws Exception {
        Path otherFs = Path.of("/dev/shm");
        assumeTrue(Files.isWritable(otherFs)
                && !Files.getFileStore(otherFs).equals(Files.getFileStore(storage)), "no second file system here");
        Path dir = Files.createTempDirectory(otherFs, "deliver-test-");
        try {
            Path raw = jobDisk("job-x", 0, halfFullRaw);
            Path install = dir.resolve("vol-7/7.qcow2");
            new DeliverCommand(jobs).handle(cmd("job-x", true, null, raw, install.toString()), ctx);
            assertValidCopyOf(raw, install);
            assertFalse(Files.exists(install.resolveSibling("7.qcow2.part")));
            assertFalse(Files.exists(storage.resolve("job-x/out/disk-0.qcow2")), "moved: the copy's source is gone");
        } finally {
            RawImages.run("rm", "-rf", dir.toString());
        }
    }

    @Test
    void withoutCompressionTheQcow2IsSparse() throws Exception {
        Path raw = jobDisk("job-p", 0, halfFullRaw);
        Path install = primaryStorage.resolve("rootVolumes/vol-2/2.qcow2");
        DeliverCommand.DeliverRsp rsp = new DeliverCommand(jobs)
                .handle(cmd("job-p", false, null, raw, install.toString()), ctx);

        assertValidCopyOf(raw, install);
        long allocated = RawImages.allocatedBytes(install);
        assertTrue(allocated < 14 * MiB, "12 MiB of data took " + allocated + " bytes");
        assertEquals(24 * MiB, rsp.volumes.get(0).size);
    }

    @Test
    void uploadToTheTargetAgentWritesTheVolume() throws Exception {
        Path raw = jobDisk("job-u", 0, halfFullRaw);
        Path install = primaryStorage.resolve("local/vol-3/3.qcow2");
        DeliverCommand.DeliverRsp rsp = new DeliverCommand(jobs)
                .handle(cmd("job-u", true, targetUrl, raw, install.toString()), ctx);

        assertValidCopyOf(raw, install);
        assertEquals(Files.size(install), rsp.volumes.get(0).actualSize);
        assertFalse(Files.exists(install.resolveSibling("3.qcow2.part")));
        assertTrue(Files.exists(storage.resolve("job-u/out/disk-0.qcow2")), "kept until the job's cleanup");

        // the rollback: the volume and its now empty vol- directory go, its parent stays
        JsonObject del = post("/v2v/volume/delete", "{\"paths\":[\"" + install + "\"]}");
        assertTrue(del.get("success").getAsBoolean(), del.toString());
        assertFalse(Files.exists(install.getParent()));
        assertTrue(Files.isDirectory(primaryStorage.resolve("local")));
    }

    @Test
    void theUploadLimitHoldsAndCancelStopsTheUploadAtOnce() throws Exception {
        Path dense = shared.resolve("dense.raw");
        byte[] data = new byte[(int) (16 * MiB)];
        new Random(3).nextBytes(data);
        Files.write(dense, data);
        Path raw = jobDisk("job-uc", 0, dense);
        Path install = primaryStorage.resolve("local/vol-4/4.qcow2");
        DeliverCommand.DeliverCmd c = cmd("job-uc", false, targetUrl, raw, install.toString());
        c.uploadBandwidth = 4 * MiB;
        CompletableFuture<DeliverCommand.DeliverRsp> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new DeliverCommand(jobs).handle(c, ctx);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        // qemu-img takes well under a second here; then about 4 s of upload
        Thread.sleep(2500);
        assertFalse(run.isDone(), "a 16 MiB upload at 4 MiB/s is still running");
        long t0 = System.nanoTime();
        assertTrue(jobs.cancel("job-uc"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(5, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 1.0, "stopped after " + seconds + " s");
        assertInstanceOf(JobCanceledException.class, e.getCause().getCause());
        // the target drops the partial file once it sees the connection end
        for (int i = 0; i < 50 && Files.exists(install.resolveSibling("4.qcow2.part")); i++) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(install));
        assertFalse(Files.exists(install.resolveSibling("4.qcow2.part")));
    }

    @Test
    void theUploadEndpointRefusesUnsafePathsAndShortBodies() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String bad : List.of("relative/x.qcow2", "/a/../etc/x.qcow2", "/etc/passwd", "/x.qcow2", "/a//b.qcow2")) {
            JsonObject o = put(http, bad, 3, new byte[3]);
            assertFalse(o.get("success").getAsBoolean(), bad);
            assertTrue(o.get("error").getAsString().startsWith("path must"), o.toString());
        }
        Path install = primaryStorage.resolve("vol-5/5.raw");
        JsonObject shortBody = put(http, install.toString(), 10, new byte[3]);
        assertFalse(shortBody.get("success").getAsBoolean());
        assertTrue(shortBody.get("error").getAsString().contains("3 of 10 bytes"), shortBody.toString());
        assertFalse(Files.exists(install));
        assertFalse(Files.exists(install.resolveSibling("5.raw.part")));

        JsonObject ok = put(http, install.toString(), 3, new byte[]{1, 2, 3});
        assertTrue(ok.get("success").getAsBoolean(), ok.toString());
        assertArrayEquals(new byte[]{1, 2, 3}, Files.readAllBytes(install));
    }

    @Test
    void anUnsafeInstallPathIsRefusedBeforeAnyWork() throws Exception {
        Path notRaw = Files.createDirectories(storage.resolve("job-f")).resolve("disk-0.raw");
        Files.write(notRaw, new byte[0]);
        Path install = primaryStorage.resolve("vol-6/6.qcow2");
        DeliverCommand.DeliverCmd c = cmd("job-f", true, null, notRaw, install.toString());
        c.volumes.get(0).installPath = "/etc/../root/x.qcow2";
        AgentException e = assertThrows(AgentException.class, () -> new DeliverCommand(jobs).handle(c, ctx));
        assertTrue(e.getMessage().startsWith("installPath must not contain"), e.getMessage());
        assertFalse(Files.exists(storage.resolve("job-f/out")));
    }

    private static JsonObject put(HttpClient http, String path, long size, byte[] body) throws Exception {
        URI u = URI.create(targetUrl + "/v2v/volume/upload?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                + "&size=" + size);
        HttpResponse<String> r = http.send(SignedCalls.signed(u, "PUT", null).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    private static JsonObject post(String path, String json) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(SignedCalls.signed(URI.create(targetUrl + path), "POST", bytes)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }
}
