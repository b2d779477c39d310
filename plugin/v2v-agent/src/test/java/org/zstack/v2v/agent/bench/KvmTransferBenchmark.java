package org.zstack.v2v.agent.bench;

import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.testsupport.KvmSourceImages;
import org.zstack.v2v.agent.testsupport.RawImages;
import org.zstack.v2v.agent.transfer.TransferCommand;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KVM source disk read over SSH, side by side (prints numbers, asserts nothing). The source host is the tests' sshd
 * on 127.0.0.4 ({@code testlib/src/main/ssh/source-sshd.sh}), on this machine; the disk a 2 GiB qcow2 whose backing
 * file holds 512 MiB of random data and whose overlay 512 MiB more, the rest unallocated.
 * <ul>
 *   <li>(a) the naive way: {@code ssh cat} of the base and the overlay, {@code qemu-img rebase -u} to the local base,
 *       {@code qemu-img convert} to raw;</li>
 *   <li>(b) nbdkit's ssh plugin with nbdcopy: it serves the file's bytes (no qcow2, no extents over sftp), so it only
 *       fits raw sources: measured on a 2 GiB sparse raw holding the same data, against (c) on that raw;</li>
 *   <li>(c) ours: TransferCommand with an ssh:// disk (qemu-nbd on the source, qemu-img convert over NBD here).</li>
 * </ul>
 * Each output is made durable (fsync / nbdcopy --flush) inside its time, as our transfer does before its marker.
 * {@code --rounds N} (default 3, medians shown), {@code --work DIR}, {@code --data MiB} (per layer, default 512).
 */
public final class KvmTransferBenchmark {
    private static final long MiB = 1 << 20;
    private static final long CAPACITY = 2048 * MiB;
    private static final String HOST = "127.0.0.4";
    private static final int PORT = 2224;
    private static final Pattern SSH_RECEIVED = Pattern.compile("received (\\d+) bytes");
    private static final Pattern NBDKIT_READ = Pattern.compile("(?m)^read: \\d+ ops, [0-9.]+ s, ([0-9.]+) (\\w+)");

    private KvmTransferBenchmark() {
    }

    /** One measured run: seconds, and the bytes that crossed SSH (-1: not known). */
    private record Run(double seconds, long sshBytes, long dataRead) {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("/var/tmp/zstack-v2v-kvm-bench");
        int rounds = 3;
        long data = 512 * MiB;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work" -> work = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--data" -> data = Long.parseLong(args[++i]) * MiB;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path source = Files.createDirectories(work.resolve("source"));
        Path sshdDir = Path.of("/tmp/v2v-kvm-bench-ssh");
        Path keyFile = KvmSourceImages.startSourceSshd(sshdDir, HOST, PORT);
        try {
            Path base = source.resolve("base.qcow2");
            Path overlay = source.resolve("overlay.qcow2");
            Path raw = source.resolve("sparse.raw");
            makeImages(base, overlay, raw, data);
            long allocated = KvmSourceImages.allocatedInChain(overlay, "qcow2");
            long rawAllocated = KvmSourceImages.allocatedInChain(raw, "raw");
            // the page cache holds the source for every variant alike
            RawImages.run("sh", "-c", "cat " + base + " " + overlay + " " + raw + " > /dev/null");
            System.out.printf(Locale.ROOT, "source: %d MiB qcow2, backing file %d MiB + overlay %d MiB of data "
                            + "(%d MiB allocated in the flattened image); raw %d MiB with %d MiB of data; %d rounds%n",
                    CAPACITY / MiB, Files.size(base) / MiB, Files.size(overlay) / MiB, allocated / MiB,
                    CAPACITY / MiB, rawAllocated / MiB, rounds);
            String key = Files.readString(keyFile);
            SshReceived sshReceived = SshReceived.install();

            List<Run> a = new ArrayList<>();
            List<Run> b = new ArrayList<>();
            List<Run> c = new ArrayList<>();
            List<Run> cRaw = new ArrayList<>();
            Path expected = work.resolve("expected.raw");
            for (int r = 0; r < rounds; r++) {
                boolean verify = r == 0;
                if (verify) {
                    RawImages.run("qemu-img", "convert", "-f", "qcow2", "-O", "raw", overlay.toString(),
                            expected.toString());
                }
                a.add(naive(work, keyFile, base, overlay, verify ? expected : null));
                c.add(ours(work, "c-qcow2", key, overlay, "qcow2", sshReceived, verify ? expected : null));
                b.add(nbdkit(work, keyFile, raw, verify));
                cRaw.add(ours(work, "c-raw", key, raw, "raw", sshReceived, verify ? raw : null));
            }
            Files.deleteIfExists(expected);
            System.out.println("qcow2 with a backing file:");
            Run ma = median(a);
            Run mc = median(c);
            print("(a) ssh cat + rebase + convert", ma, allocated);
            print("(c) ours (qemu-nbd over ssh)", mc, allocated);
            System.out.printf(Locale.ROOT, "    ratio t(a)/t(c) = %.2f%n", ma.seconds() / mc.seconds());
            System.out.println("sparse raw (what nbdkit's ssh plugin can serve):");
            Run mb = median(b);
            Run mcr = median(cRaw);
            print("(b) nbdkit ssh + nbdcopy", mb, rawAllocated);
            print("(c) ours on the raw", mcr, rawAllocated);
            System.out.printf(Locale.ROOT, "    ratio t(b)/t(c) = %.2f%n", mb.seconds() / mcr.seconds());
        } finally {
            KvmSourceImages.stopSourceSshd(sshdDir);
        }
        System.exit(0);
    }

    private static void makeImages(Path base, Path overlay, Path raw, long data) throws Exception {
        Path stamp = base.resolveSibling("made-" + data);
        if (Files.exists(stamp) && Files.exists(overlay) && Files.exists(raw)) {
            return;
        }
        System.out.printf("making the source images in %s%n", base.getParent());
        for (Path p : List.of(base, overlay, raw)) {
            Files.deleteIfExists(p);
        }
        KvmSourceImages.createQcow2(base, CAPACITY, null);
        KvmSourceImages.writeRandom(base, "qcow2", 0, data, 11);
        KvmSourceImages.createQcow2(overlay, CAPACITY, base);
        // the overlay's data lies elsewhere (from 1 GiB): the flattened image has both layers' data
        KvmSourceImages.writeRandom(overlay, "qcow2", CAPACITY / 2, data, 12);
        RawImages.run("qemu-img", "convert", "-f", "qcow2", "-O", "raw", overlay.toString(), raw.toString());
        Files.createFile(stamp);
    }

    /** (a): every byte of both files crosses SSH, metadata and all; the chain is flattened here afterwards. */
    private static Run naive(Path work, Path keyFile, Path base, Path overlay, Path expected) throws Exception {
        Path dir = work.resolve("a");
        RawImages.run("rm", "-rf", dir.toString());
        Files.createDirectories(dir);
        Path out = dir.resolve("disk.raw");
        settle();
        long t0 = System.nanoTime();
        long copied = 0;
        for (Path f : List.of(base, overlay)) {
            Path local = dir.resolve(f.getFileName());
            Process p = new ProcessBuilder(sshCommand(keyFile, "cat '" + f + "'"))
                    .redirectOutput(local.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(new File("/dev/null")).start();
            if (p.waitFor() != 0) {
                throw new IOException("ssh cat " + f + " failed");
            }
            copied += Files.size(local);
        }
        RawImages.run("qemu-img", "rebase", "-u", "-f", "qcow2", "-b", base.getFileName().toString(), "-F", "qcow2",
                dir.resolve(overlay.getFileName()).toString());
        RawImages.run("qemu-img", "convert", "-f", "qcow2", "-O", "raw", dir.resolve(overlay.getFileName()).toString(),
                out.toString());
        fsync(out);
        double s = seconds(t0);
        check(out, expected, "(a)");
        RawImages.run("rm", "-rf", dir.toString());
        return new Run(s, copied, copied);
    }

    /** (b): nbdkit reads the file over sftp, all of it (sftp tells no holes); nbdcopy leaves zero blocks out. */
    private static Run nbdkit(Path work, Path keyFile, Path raw, boolean verify) throws Exception {
        Path dir = work.resolve("b");
        RawImages.run("rm", "-rf", dir.toString());
        Files.createDirectories(dir);
        Path out = dir.resolve("disk.raw");
        Path stats = dir.resolve("stats.txt");
        settle();
        long t0 = System.nanoTime();
        RawImages.run("nbdkit", "-U", "-", "--filter=stats", "ssh", "statsfile=" + stats, "host=" + HOST,
                "port=" + PORT, "user=root", "identity=" + keyFile, "verify-remote-host=false", "path=" + raw,
                "--run", "nbdcopy --flush \"$uri\" " + out);
        double s = seconds(t0);
        check(out, verify ? raw : null, "(b)");
        long read = nbdkitBytesRead(Files.readString(stats));
        RawImages.run("rm", "-rf", dir.toString());
        return new Run(s, read, read);
    }

    private static Run ours(Path work, String job, String key, Path image, String format, SshReceived received,
                            Path expected) throws Exception {
        Path storage = work.resolve("storage");
        RawImages.run("rm", "-rf", storage.resolve(job).toString());
        TransferCommand.TransferCmd t = new TransferCommand.TransferCmd();
        t.jobUuid = job;
        t.storagePath = storage.toString();
        t.sshPrivKey = key;
        TransferCommand.SourceDisk d = new TransferCommand.SourceDisk();
        d.index = 0;
        d.capacity = CAPACITY;
        d.url = "ssh://root@" + HOST + ":" + PORT + image.toUri().getRawPath() + "?format=" + format;
        t.disks = List.of(d);
        settle();
        received.reset();
        long t0 = System.nanoTime();
        TransferCommand.DiskResult r = new TransferCommand(new JobRegistry()).handle(t, null).disks.get(0);
        double s = seconds(t0);
        check(Path.of(r.path), expected, "(c) " + format);
        RawImages.run("rm", "-rf", storage.resolve(job).toString());
        return new Run(s, received.last(), r.bytesRead);
    }

    private static List<String> sshCommand(Path keyFile, String remote) {
        return List.of("ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-i", keyFile.toString(),
                "-p", String.valueOf(PORT), "root@" + HOST, remote);
    }

    private static void check(Path out, Path expected, String what) throws Exception {
        if (expected != null && !KvmSourceImages.sameContent(out, expected)) {
            throw new IllegalStateException(what + ": the copy differs from the source's disk");
        }
    }

    private static long nbdkitBytesRead(String stats) {
        Matcher m = NBDKIT_READ.matcher(stats);
        if (!m.find()) {
            return -1;
        }
        double n = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "KiB" -> 1L << 10;
            case "MiB" -> MiB;
            case "GiB" -> 1L << 30;
            default -> 1;
        };
        return (long) (n * unit);
    }

    private static void print(String name, Run r, long allocated) {
        System.out.printf(Locale.ROOT, "  %-34s %7.2f s %8.1f MiB/s of the disk, %7.1f MiB/s of data%n", name,
                r.seconds(), CAPACITY / MiB / r.seconds(), allocated / (double) MiB / r.seconds());
        System.out.printf(Locale.ROOT, "    bytes over SSH %s, data read %d MiB, allocated %d MiB: over SSH / allocated = %s%n",
                r.sshBytes() < 0 ? "unknown" : (r.sshBytes() / MiB) + " MiB", r.dataRead() / MiB, allocated / MiB,
                r.sshBytes() < 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) r.sshBytes() / allocated));
    }

    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::seconds));
        return sorted.get(sorted.size() / 2);
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(false);
        }
    }

    /** Writes back what the previous step left dirty, so that no step pays for another's writeback. */
    private static void settle() throws IOException, InterruptedException {
        RawImages.run("sync");
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The bytes our ssh session received, as the transfer logs them when it closes the session. */
    private static final class SshReceived extends Handler {
        private volatile long last = -1;

        static SshReceived install() {
            SshReceived h = new SshReceived();
            Logger.getLogger("org.zstack.v2v.agent.transfer.SshNbdTunnel").addHandler(h);
            return h;
        }

        void reset() {
            last = -1;
        }

        long last() {
            return last;
        }

        @Override
        public void publish(LogRecord r) {
            Matcher m = SSH_RECEIVED.matcher(String.valueOf(r.getMessage()));
            if (m.find()) {
                last = Long.parseLong(m.group(1));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
