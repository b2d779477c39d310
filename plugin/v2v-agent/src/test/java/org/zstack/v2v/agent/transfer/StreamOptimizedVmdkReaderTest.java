package org.zstack.v2v.agent.transfer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.testsupport.RawImages;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The decoder against streamOptimized VMDKs written by qemu-img, an independent writer: the decoded raw disk is
 * byte-equal to the source, its holes stay holes, and every kind of damage fails with the disk and the offset.
 */
class StreamOptimizedVmdkReaderTest {
    private static final int MiB = 1 << 20;
    /** Not a multiple of the 64 KiB grain: the last grain is short. */
    private static final long CAPACITY = 5L * MiB + 3 * 512;
    private static final Pattern OFFSET = Pattern.compile("disk 3: streamOptimized VMDK at stream byte (\\d+): ");

    @TempDir
    static Path dir;
    static Path raw;
    static Path vmdk;
    static byte[] stream;

    @BeforeAll
    static void images() throws Exception {
        raw = dir.resolve("in.raw");
        vmdk = dir.resolve("out.vmdk");
        Random random = new Random(14);
        try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
            f.setLength(CAPACITY);
            // data regions of odd sizes at odd places, zeroes (holes) between, and data in the short last grain
            long[][] data = {{0, 100_000}, {MiB + 4096, 700_000}, {3L * MiB - 512, 65536 + 1024}, {CAPACITY - 1000, 1000}};
            for (long[] d : data) {
                byte[] b = new byte[(int) d[1]];
                random.nextBytes(b);
                f.seek(d[0]);
                f.write(b);
            }
        }
        RawImages.run("qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized",
                raw.toString(), vmdk.toString());
        stream = Files.readAllBytes(vmdk);
    }

    @Test
    void decodesQemuImgsStreamToTheSameBytesWithHoles() throws Exception {
        Path out = dir.resolve("decoded.raw");
        StreamOptimizedVmdkReader.Header h = decode(stream, out, CAPACITY);
        assertEquals(CAPACITY, h.capacity());
        assertEquals(65536, h.grainBytes());
        assertArrayEquals(Files.readAllBytes(raw), Files.readAllBytes(out));
        long allocated = RawImages.allocatedBytes(out);
        assertTrue(allocated < 2L * MiB, "holes are kept: " + allocated + " bytes allocated of " + CAPACITY);
        assertTrue(allocated > 0);
    }

    @Test
    void unwantedGrainsAreSkippedNotDelivered() throws Exception {
        List<Long> delivered = new ArrayList<>();
        new StreamOptimizedVmdkReader(new ByteArrayInputStream(stream), "disk 3", CAPACITY).read(
                new StreamOptimizedVmdkReader.Grains() {
                    @Override
                    public boolean wanted(long diskOffset) {
                        return diskOffset >= 2L * MiB;
                    }

                    @Override
                    public void grain(long diskOffset, byte[] data, int length) {
                        delivered.add(diskOffset);
                    }
                });
        assertFalse(delivered.isEmpty());
        assertTrue(delivered.stream().allMatch(o -> o >= 2L * MiB), delivered.toString());
    }

    @Test
    void badMagicFailsAtByteZero() {
        byte[] s = stream.clone();
        s[0] = 'X';
        assertFailsAt(s, CAPACITY, 0, "no KDMV magic");
    }

    @Test
    void aCapacityOtherThanTheDisksFails() {
        assertFailsAt(stream, CAPACITY + 512, 12, "differs from the disk's");
    }

    @Test
    void aDescriptorLyingAboutTheCapacityFails() {
        byte[] s = stream.clone();
        String text = new String(s, 512, 1024, StandardCharsets.US_ASCII);
        Matcher m = Pattern.compile("RW (\\d+) SPARSE").matcher(text);
        assertTrue(m.find());
        String lie = String.valueOf(Long.parseLong(m.group(1)) * 2).substring(0, m.group(1).length());
        byte[] b = lie.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, s, 512 + m.start(1), b.length);
        assertFailsAt(s, CAPACITY, 512, "descriptor's extents hold");
    }

    @Test
    void truncatedInTheMiddleOfAGrainFails() {
        long firstGrain = grainMarkers().get(1);
        int cut = (int) firstGrain + 3000;
        assertFailsAt(Arrays.copyOf(stream, cut), CAPACITY, cut, "ends in a grain's data, before its end-of-stream marker");
    }

    @Test
    void anEsxiStyleStreamWithItsDirectoryAtTheEndDecodesToItsEndOfStreamMarker() throws Exception {
        Path out = dir.resolve("esxi.raw");
        decode(esxiStyle(), out, CAPACITY);
        assertArrayEquals(Files.readAllBytes(raw), Files.readAllBytes(out));
    }

    @Test
    void truncatedBeforeTheEndOfStreamMarkerFails() {
        byte[] esxi = esxiStyle();
        int eos = esxi.length - 512;
        assertFailsAt(Arrays.copyOf(esxi, eos), CAPACITY, eos, "ends in a marker, before its end-of-stream marker");
    }

    @Test
    void aQemuStreamCutBetweenGrainsFailsByItsGrainDirectory() {
        long last = grainMarkers().get(grainMarkers().size() - 1);
        assertFailsAt(Arrays.copyOf(stream, (int) last), CAPACITY, last,
                "grains its grain directory names, before its end-of-stream marker");
    }

    @Test
    void corruptDeflateDataFails() {
        byte[] s = stream.clone();
        long marker = grainMarkers().get(0);
        // the zlib header of the grain's data: a wrong compression method
        s[(int) marker + 12] = (byte) 0x7f;
        assertFailsAt(s, CAPACITY, marker, "does not inflate");
    }

    @Test
    void aGrainPastTheCapacityFails() {
        byte[] s = stream.clone();
        long marker = grainMarkers().get(2);
        ByteBuffer.wrap(s, (int) marker, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(CAPACITY / 512 + 128);
        assertFailsAt(s, CAPACITY, marker, "past the capacity");
    }

    /**
     * qemu-img's stream made into one as ESXi writes it: the header says the grain directory is at the end, and the
     * grains are followed by a GT marker with its table, a footer marker with the footer, and the EOS marker.
     */
    private static byte[] esxiStyle() {
        int end = (int) eosMarker();
        ByteBuffer b = ByteBuffer.allocate(end + 512 * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(stream, 0, end);
        b.putLong(56, -1L);
        // a GT marker and its 4 sectors of table (their content is not used)
        b.position(end);
        b.putLong(4).putInt(0).putInt(StreamOptimizedVmdkReader.MARKER_GT);
        b.position(end + 512 * 5);
        b.putLong(1).putInt(0).putInt(StreamOptimizedVmdkReader.MARKER_FOOTER);
        b.position(end + 512 * 6);
        b.put(stream, 0, 512);
        // the EOS marker: a zero sector
        return b.array();
    }

    /** The stream offsets of the grain markers, found by walking the markers as the format lays them out. */
    private static List<Long> grainMarkers() {
        List<Long> grains = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
        long p = b.getLong(64) * 512;
        while (true) {
            long value = b.getLong((int) p);
            int size = b.getInt((int) p + 8);
            if (size == 0) {
                if (b.getInt((int) p + 12) == 0) {
                    return grains;
                }
                p += 512 + value * 512;
            } else {
                grains.add(p);
                p += (12 + size + 511) / 512 * 512;
            }
        }
    }

    private static long eosMarker() {
        List<Long> g = grainMarkers();
        long last = g.get(g.size() - 1);
        int size = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).getInt((int) last + 8);
        return last + (12 + size + 511) / 512 * 512;
    }

    private static void assertFailsAt(byte[] s, long capacity, long offset, String why) {
        // a short stream may be a dropped connection (an IOException the copy retries); the rest is final
        Class<? extends Exception> type = why.contains("end-of-stream") ? EOFException.class : AgentException.class;
        Exception e = assertThrows(type, () -> decode(s, dir.resolve("bad.raw"), capacity));
        Matcher m = OFFSET.matcher(e.getMessage());
        assertTrue(m.find(), e.getMessage());
        assertEquals(offset, Long.parseLong(m.group(1)), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static StreamOptimizedVmdkReader.Header decode(byte[] s, Path out, long capacity)
            throws IOException, InterruptedException {
        Files.deleteIfExists(out);
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
            f.setLength(capacity);
            SparseWriter writer = new SparseWriter(f.getChannel());
            return new StreamOptimizedVmdkReader(new ByteArrayInputStream(s), "disk 3", capacity).read(
                    new StreamOptimizedVmdkReader.Grains() {
                        @Override
                        public boolean wanted(long diskOffset) {
                            return true;
                        }

                        @Override
                        public void grain(long diskOffset, byte[] data, int length) throws IOException {
                            writer.write(data, length, diskOffset);
                        }
                    });
        }
    }
}
