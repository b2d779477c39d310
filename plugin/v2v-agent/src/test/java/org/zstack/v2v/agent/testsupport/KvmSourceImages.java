package org.zstack.v2v.agent.testsupport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Disk images as a KVM source host holds them (qcow2 with a backing file, sparse raw), and the test sshd that plays
 * that host ({@code testlib/src/main/ssh/source-sshd.sh}).
 */
public final class KvmSourceImages {
    private static final int CHUNK = 1 << 20;

    private KvmSourceImages() {
    }

    /**
     * Starts (or finds running) the tests' sshd on {@code address:port}, its files in {@code dir}.
     *
     * @return the client's private key file, which lets root in
     */
    public static Path startSourceSshd(Path dir, String address, int port) throws IOException, InterruptedException {
        String out = RawImages.run(script().toString(), dir.toString(), address, String.valueOf(port));
        String[] lines = out.strip().split("\\R");
        return Path.of(lines[lines.length - 1].strip());
    }

    public static void stopSourceSshd(Path dir) throws IOException, InterruptedException {
        RawImages.run(script().toString(), "--stop", dir.toString());
    }

    /** The script sits in testlib, two levels up from this module (the tests' working directory). */
    private static Path script() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("testlib/src/main/ssh/source-sshd.sh");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        throw new IllegalStateException("testlib/src/main/ssh/source-sshd.sh not found above " + Path.of("").toAbsolutePath());
    }

    public static void createQcow2(Path image, long capacity, Path backing) throws IOException, InterruptedException {
        if (backing == null) {
            RawImages.run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), String.valueOf(capacity));
        } else {
            RawImages.run("qemu-img", "create", "-q", "-f", "qcow2", "-b", backing.toString(), "-F", "qcow2",
                    image.toString(), String.valueOf(capacity));
        }
    }

    /** Writes {@code length} random bytes at {@code offset} of an image through qemu-io, so a qcow2 allocates them. */
    public static void writeRandom(Path image, String format, long offset, long length, long seed)
            throws IOException, InterruptedException {
        Path data = Files.createTempFile(image.getParent(), "random-", ".bin");
        try {
            randomFile(data, length, seed);
            RawImages.run("qemu-io", "-f", format, "-c", "write -s " + data + " " + offset + " " + length,
                    image.toString());
        } finally {
            Files.deleteIfExists(data);
        }
    }

    public static void randomFile(Path file, long length, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = length; left > 0; left -= CHUNK) {
                for (int i = 0; i < CHUNK; i += 8) {
                    long x = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        chunk[i + k] = (byte) (x >>> (8 * k));
                    }
                }
                out.write(chunk, 0, (int) Math.min(CHUNK, left));
            }
        }
    }

    /** The bytes holding data in the guest-visible disk: the whole backing chain, as {@code qemu-img map} sees it. */
    public static long allocatedInChain(Path image, String format) throws IOException, InterruptedException {
        String json = RawImages.run("qemu-img", "map", "--output=json", "-f", format, image.toString());
        long sum = 0;
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("data").getAsBoolean()) {
                sum += o.get("length").getAsLong();
            }
        }
        return sum;
    }

    /** Whether two files hold the same bytes ({@code cmp}). */
    public static boolean sameContent(Path a, Path b) throws InterruptedException, IOException {
        Process p = new ProcessBuilder("cmp", "-s", a.toString(), b.toString()).start();
        return p.waitFor() == 0;
    }
}
