package org.zstack.v2v.agent.testsupport;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Raw disk images with data in known places and holes elsewhere, and what the file system allocated for them. */
public final class RawImages {
    private RawImages() {
    }

    /**
     * A sparse file of {@code capacity} bytes with random data in every other chunk of {@code chunk} bytes (chunks
     * 0, 2, 4, ...): half data, half holes.
     *
     * @return the data extents as {@code [offset, length]}
     */
    public static List<long[]> halfFull(Path file, long capacity, int chunk, long seed) throws IOException {
        List<long[]> extents = new ArrayList<>();
        Random random = new Random(seed);
        byte[] buf = new byte[chunk];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(capacity);
            for (long off = 0; off < capacity; off += 2L * chunk) {
                int len = (int) Math.min(chunk, capacity - off);
                random.nextBytes(buf);
                f.seek(off);
                f.write(buf, 0, len);
                extents.add(new long[]{off, len});
            }
        }
        return extents;
    }

    /** Bytes the file system allocated for the file: st_blocks × 512, as {@code du} counts. */
    public static long allocatedBytes(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("stat failed: " + out);
        }
        String[] parts = out.split("\\s+");
        return Long.parseLong(parts[0]) * Long.parseLong(parts[1]);
    }

    /** Runs a program, returning its output; fails on a non-zero exit. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
