package org.zstack.v2v.agent.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.zstack.v2v.agent.deliver.DeliverCommand;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.testsupport.RangeFileServer;
import org.zstack.v2v.agent.testsupport.RawImages;
import org.zstack.v2v.agent.testsupport.RecordingContext;
import org.zstack.v2v.agent.testsupport.SelfSignedCert;
import org.zstack.v2v.agent.transfer.TransferCommand;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One disk, side by side in one run (prints numbers, asserts nothing):
 * <ul>
 *   <li>(a) the physical path: {@code curl} of the disk into a file, then {@code qemu-img convert -O qcow2};</li>
 *   <li>(b) ours: TransferCommand (sparse raw) then DeliverCommand (qcow2 moved to an install path), without and
 *       with the source's extents; and once more delivering compressed.</li>
 * </ul>
 * The disk is a 2 GiB raw file, half random data in 4 MiB pieces and half holes, served by the tests' HTTPS
 * server with Range; or {@code --source PATH} to serve another file; or {@code --url URL --capacity BYTES
 * [--thumbprint AA:..] [--cookie 'vmware_soap_session=...']} to read a real datastore/NFC URL (no extents then).
 * {@code --work DIR} holds the files (default /var/tmp/zstack-v2v-transfer-bench), {@code --size GiB} sizes the
 * generated disk, {@code --rounds N} (default 3) repeats the measurements, interleaved, and shows the medians.
 *
 * <p>{@code --stream-optimized} serves the disk as ESXi's export lease does instead: a streamOptimized VMDK (made
 * once from the raw disk by qemu-img, no Range), and compares (a) {@code curl} of the stream into a file, then
 * {@code qemu-img convert -f vmdk -O raw}, with (b) our transfer decoding the stream as it arrives into the sparse
 * raw file. With {@code --url} it reads a real NFC export URL that serves streamOptimized.
 */
public final class TransferBenchmark {
    private static final long MiB = 1 << 20;
    private static final long GiB = 1 << 30;
    private static final int PIECE = (int) (4 * MiB);

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("/var/tmp/zstack-v2v-transfer-bench");
        Path sourceArg = null;
        String url = null;
        String thumbprint = null;
        String cookie = null;
        long capacity = 0;
        long size = 2 * GiB;
        int rounds = 3;
        boolean streamOptimized = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--source" -> sourceArg = Path.of(args[++i]);
                case "--url" -> url = args[++i];
                case "--thumbprint" -> thumbprint = args[++i];
                case "--cookie" -> cookie = args[++i];
                case "--capacity" -> capacity = Long.parseLong(args[++i]);
                case "--size" -> size = (long) (Double.parseDouble(args[++i]) * GiB);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--stream-optimized" -> streamOptimized = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(work);
        RangeFileServer server = null;
        List<long[]> extents = null;
        long sourceAllocated = -1;
        try {
            if (url == null) {
                Path source = sourceArg != null ? sourceArg : work.resolve("source-" + size + ".raw");
                if (sourceArg == null && (!Files.exists(source) || Files.size(source) != size)) {
                    System.out.printf("making %s: %d MiB, half random data in %d MiB pieces, half holes%n",
                            source, size / MiB, PIECE / MiB);
                    makeHalfFull(source, size);
                }
                capacity = Files.size(source);
                extents = dataExtents(source);
                sourceAllocated = RawImages.allocatedBytes(source);
                SelfSignedCert cert = SelfSignedCert.create(work);
                server = new RangeFileServer(cert);
                if (streamOptimized) {
                    Path vmdk = work.resolve(source.getFileName() + ".stream.vmdk");
                    if (!Files.exists(vmdk) || Files.getLastModifiedTime(vmdk).compareTo(Files.getLastModifiedTime(source)) < 0) {
                        System.out.printf("making %s: the same disk as a streamOptimized VMDK (qemu-img)%n", vmdk);
                        RawImages.run("qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized",
                                source.toString(), vmdk.toString());
                    }
                    url = server.serve("nfc/bench/disk-0.vmdk", vmdk);
                } else {
                    url = server.serve("folder/bench/disk-flat.vmdk", source);
                }
                thumbprint = cert.thumbprint();
            } else if (capacity <= 0) {
                throw new IllegalArgumentException("--url needs --capacity");
            }
            if (streamOptimized) {
                runStreamOptimized(work, url, thumbprint, cookie, capacity, sourceAllocated, server, rounds);
            } else {
                run(work, url, thumbprint, cookie, capacity, extents, sourceAllocated, server, rounds);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        System.exit(0);
    }

    private static void run(Path work, String url, String thumbprint, String cookie, long capacity,
                            List<long[]> extents, long sourceAllocated, RangeFileServer server, int rounds)
            throws Exception {
        System.out.printf("disk: %d MiB capacity%s; %d rounds, medians shown%n", capacity / MiB,
                sourceAllocated < 0 ? "" : String.format(", %d MiB allocated, %d extents", sourceAllocated / MiB,
                        extents.size()), rounds);
        // warm the page cache for the source, so neither side pays the first read from disk
        if (server != null) {
            curl(url, cookie, Path.of("/dev/null"));
        }
        // a long-running agent has its classes loaded and compiled: warm up on the first 4 MiB, not measured
        ours(work, "warm-up", url, thumbprint, cookie, capacity, List.<long[]>of(new long[]{0, 4 * MiB}), false);

        // rounds interleave the variants, so a burst of load on the machine hits all of them alike
        List<Result> a = new ArrayList<>();
        List<Result> whole = new ArrayList<>();
        List<Result> withExtents = new ArrayList<>();
        List<Result> compressed = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            a.add(physical(work, url, cookie));
            whole.add(ours(work, "b-whole", url, thumbprint, cookie, capacity, null, false));
            if (extents != null) {
                withExtents.add(ours(work, "b-extents", url, thumbprint, cookie, capacity, extents, false));
                compressed.add(ours(work, "b-zstd", url, thumbprint, cookie, capacity, extents, true));
            }
        }
        Result ma = median(a);
        ma.print("(a) curl + qemu-img convert", "curl", "convert", capacity, sourceAllocated);
        Result mb = median(whole);
        mb.print("(b) transfer + deliver", "transfer", "deliver", capacity, sourceAllocated);
        System.out.printf(Locale.ROOT, "    speed ratio b/a = t(a)/t(b) = %.2f%n", ma.total() / mb.total());
        if (extents != null) {
            Result me = median(withExtents);
            me.print("(b) with extents", "transfer", "deliver", capacity, sourceAllocated);
            System.out.printf(Locale.ROOT, "    speed ratio b/a = t(a)/t(b) = %.2f%n", ma.total() / me.total());
            median(compressed).print("(b) with extents, compressed", "transfer", "deliver", capacity, sourceAllocated);
        }
    }

    /**
     * The streamOptimized comparison: (a) curl into a file then {@code qemu-img convert -f vmdk -O raw}, the file
     * written twice; (b) our transfer, which decodes the stream into the sparse raw file as it arrives.
     */
    private static void runStreamOptimized(Path work, String url, String thumbprint, String cookie, long capacity,
                                           long sourceAllocated, RangeFileServer server, int rounds) throws Exception {
        System.out.printf("disk: %d MiB capacity%s, served as a streamOptimized VMDK; %d rounds, medians shown%n",
                capacity / MiB, sourceAllocated < 0 ? "" : String.format(", %d MiB allocated", sourceAllocated / MiB),
                rounds);
        if (server != null) {
            curl(url, cookie, Path.of("/dev/null"));
        }
        // warm up the decoder's code on one whole read, not measured
        oursStream(work, "warm-up", url, thumbprint, cookie, capacity);
        List<Result> a = new ArrayList<>();
        List<Result> b = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            a.add(physicalStream(work, url, cookie));
            b.add(oursStream(work, "b-stream", url, thumbprint, cookie, capacity));
        }
        Result ma = median(a);
        ma.print("(a) curl + qemu-img convert raw", "curl", "convert", capacity, sourceAllocated);
        Result mb = median(b);
        mb.print("(b) transfer (decoding)", "transfer", "-", capacity, sourceAllocated);
        System.out.printf(Locale.ROOT, "    speed ratio b/a = t(a)/t(b) = %.2f%n", ma.total() / mb.total());
        if (sourceAllocated > 0) {
            System.out.printf(Locale.ROOT, "    bytes on the wire / allocated = %d / %d = %.3f%n", mb.read(),
                    sourceAllocated, (double) mb.read() / sourceAllocated);
        }
    }

    /** (a) for a streamOptimized disk: curl writes the stream to a file, qemu-img convert decodes it to raw. */
    private static Result physicalStream(Path work, String url, String cookie) throws Exception {
        Path aVmdk = work.resolve("a.vmdk");
        Path aRaw = work.resolve("a.raw");
        Files.deleteIfExists(aVmdk);
        Files.deleteIfExists(aRaw);
        settle();
        long t0 = System.nanoTime();
        curl(url, cookie, aVmdk);
        double download = seconds(t0);
        settle();
        t0 = System.nanoTime();
        RawImages.run("qemu-img", "convert", "-f", "vmdk", "-O", "raw", aVmdk.toString(), aRaw.toString());
        RawImages.run("sync");
        double convert = seconds(t0);
        Result r = new Result(download, convert, Files.size(aVmdk), RawImages.allocatedBytes(aRaw), 0);
        Files.deleteIfExists(aVmdk);
        Files.deleteIfExists(aRaw);
        return r;
    }

    /** (b) for a streamOptimized disk: the transfer alone, which leaves the raw disk (synced) as (a) does. */
    private static Result oursStream(Path work, String job, String url, String thumbprint, String cookie, long capacity)
            throws Exception {
        Path storage = work.resolve("storage");
        RawImages.run("rm", "-rf", storage.resolve(job).toString());
        TransferCommand.TransferCmd t = new TransferCommand.TransferCmd();
        t.jobUuid = job;
        t.storagePath = storage.toString();
        TransferCommand.SourceDisk d = new TransferCommand.SourceDisk();
        d.index = 0;
        d.url = url;
        d.sslThumbprint = thumbprint;
        d.capacity = capacity;
        if (cookie != null) {
            d.headers = Map.of("Cookie", cookie);
        }
        t.disks = List.of(d);
        settle();
        long t0 = System.nanoTime();
        // the agent writes only under the roots its host registered: here the benchmark's work directory
        RecordingContext ctx = new RecordingContext(List.of(work.toRealPath().toString()));
        TransferCommand.DiskResult r = new TransferCommand(new JobRegistry()).handle(t, ctx).disks.get(0);
        double transfer = seconds(t0);
        Result res = new Result(transfer, 0, r.bytesRead, RawImages.allocatedBytes(Path.of(r.path)), 0);
        RawImages.run("rm", "-rf", storage.resolve(job).toString());
        return res;
    }

    /** (a): curl writes every byte, zeroes included; qemu-img convert then finds the zeroes again. */
    private static Result physical(Path work, String url, String cookie) throws Exception {
        Path aRaw = work.resolve("a.raw");
        Path aQcow = work.resolve("a.qcow2");
        Files.deleteIfExists(aRaw);
        Files.deleteIfExists(aQcow);
        settle();
        long t0 = System.nanoTime();
        curl(url, cookie, aRaw);
        double download = seconds(t0);
        long rawAllocated = RawImages.allocatedBytes(aRaw);
        settle();
        t0 = System.nanoTime();
        RawImages.run("qemu-img", "convert", "-f", "raw", "-O", "qcow2", aRaw.toString(), aQcow.toString());
        double convert = seconds(t0);
        Result r = new Result(download, convert, Files.size(aRaw), rawAllocated, Files.size(aQcow));
        Files.deleteIfExists(aRaw);
        Files.deleteIfExists(aQcow);
        return r;
    }

    /** The round with the median total time. */
    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(Result::total));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * @param read the bytes read from the source
     */
    private record Result(double download, double convert, long read, long rawAllocated, long qcow2Size) {
        double total() {
            return download + convert;
        }

        void print(String name, String downloadName, String convertName, long capacity, long sourceAllocated) {
            line(name, total(), capacity, String.format(Locale.ROOT, "%s %.2f s, %s %.2f s%s",
                    downloadName, download, convertName, convert,
                    qcow2Size > 0 ? String.format(Locale.ROOT, ", qcow2 %d MiB", qcow2Size / MiB) : ""));
            System.out.printf(Locale.ROOT, "    bytes read from the source %d MiB, raw file allocated %d MiB%s%n",
                    read / MiB, rawAllocated / MiB, sourceAllocated <= 0 ? ""
                            : String.format(Locale.ROOT, ", read / source allocated = %.3f",
                            (double) read / sourceAllocated));
        }
    }

    private static Result ours(Path work, String job, String url, String thumbprint, String cookie, long capacity,
                               List<long[]> extents, boolean compress) throws Exception {
        Path storage = work.resolve("storage");
        Path install = work.resolve("ps/vol-" + job + "/" + job + ".qcow2");
        RawImages.run("rm", "-rf", storage.resolve(job).toString(), install.getParent().toString());
        JobRegistry jobs = new JobRegistry();

        TransferCommand.TransferCmd t = new TransferCommand.TransferCmd();
        t.jobUuid = job;
        t.storagePath = storage.toString();
        TransferCommand.SourceDisk d = new TransferCommand.SourceDisk();
        d.index = 0;
        d.url = url;
        d.sslThumbprint = thumbprint;
        d.capacity = capacity;
        d.extents = extents;
        if (cookie != null) {
            d.headers = Map.of("Cookie", cookie);
        }
        t.disks = List.of(d);
        settle();
        long t0 = System.nanoTime();
        RecordingContext ctx = new RecordingContext(List.of(work.toRealPath().toString()));
        TransferCommand.DiskResult r = new TransferCommand(jobs).handle(t, ctx).disks.get(0);
        double transfer = seconds(t0);
        long rawAllocated = RawImages.allocatedBytes(Path.of(r.path));

        DeliverCommand.DeliverCmd dc = new DeliverCommand.DeliverCmd();
        dc.jobUuid = job;
        dc.storagePath = storage.toString();
        dc.compress = compress;
        DeliverCommand.Volume v = new DeliverCommand.Volume();
        v.disk = r.path;
        v.installPath = install.toString();
        dc.volumes = List.of(v);
        settle();
        t0 = System.nanoTime();
        DeliverCommand.DeliveredVolume out = new DeliverCommand(jobs).handle(dc, ctx).volumes.get(0);
        double deliver = seconds(t0);
        RawImages.run("rm", "-rf", storage.resolve(job).toString(), install.getParent().toString());
        return new Result(transfer, deliver, r.bytesRead, rawAllocated, out.actualSize);
    }

    private static void curl(String url, String cookie, Path out) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("curl", "-sSfk", "-o", out.toString()));
        if (cookie != null) {
            c.add("-H");
            c.add("Cookie: " + cookie);
        }
        c.add(url);
        RawImages.run(c.toArray(String[]::new));
    }

    private static void line(String name, double seconds, long capacity, String detail) {
        System.out.printf(Locale.ROOT, "%-32s %7.2f s %8.1f MiB/s   (%s)%n", name, seconds,
                capacity / MiB / seconds, detail);
    }

    /**
     * Writes back what the previous step left dirty, so that no step pays for another's writeback. Each step's own
     * writes stay in its time only as far as it syncs them itself (transfer does, before its .done marker).
     */
    private static void settle() throws IOException, InterruptedException {
        RawImages.run("sync");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Random data in every other 4 MiB piece, holes between. */
    private static void makeHalfFull(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        byte[] piece = new byte[PIECE];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
            f.setLength(size);
            for (long off = 0; off < size; off += 2L * PIECE) {
                for (int i = 0; i < PIECE; i += 8) {
                    long x = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        piece[i + k] = (byte) (x >>> (8 * k));
                    }
                }
                f.seek(off);
                f.write(piece, 0, (int) Math.min(PIECE, size - off));
            }
        }
    }

    /**
     * The file's data extents, as changed-block tracking would report them for a thin disk; found with
     * {@code qemu-img map}, which asks the file system (SEEK_DATA/SEEK_HOLE).
     */
    private static List<long[]> dataExtents(Path file) throws IOException, InterruptedException {
        String json = RawImages.run("qemu-img", "map", "--output=json", "-f", "raw", file.toString());
        List<long[]> extents = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("data").getAsBoolean() && !o.get("zero").getAsBoolean()) {
                extents.add(new long[]{o.get("start").getAsLong(), o.get("length").getAsLong()});
            }
        }
        return extents;
    }
}
