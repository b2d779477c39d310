package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes a streamOptimized VMDK (what an ESXi NFC export lease serves) front to back in one pass, as it arrives:
 * the sparse header, the embedded descriptor, then markers up to the end-of-stream marker. Each grain marker's
 * zlib data is inflated and handed to a {@link Grains} sink with its disk offset; the grain tables, the grain
 * directory and the footer behind their metadata markers are skipped, since the grain markers already say where
 * every grain goes. Nothing is read twice and nothing is buffered beyond one grain.
 *
 * <p>Every error names the disk and the byte offset in the stream where the decoder found it: a stream that is
 * not a streamOptimized VMDK, a descriptor whose extents disagree with the header's capacity, a grain beyond the
 * capacity or larger than a grain, deflate data that does not inflate ({@link AgentException}: reading again does
 * not help), a stream that ends before its EOS marker ({@link EOFException}: a dropped connection looks the same).
 */
final class StreamOptimizedVmdkReader {
    static final int SECTOR = 512;
    static final byte[] MAGIC = "KDMV".getBytes(StandardCharsets.US_ASCII);

    static final int MARKER_EOS = 0;
    static final int MARKER_GT = 1;
    static final int MARKER_GD = 2;
    static final int MARKER_FOOTER = 3;

    /** gdOffset of a header whose grain directory comes at the end, behind the footer marker. */
    private static final long GD_AT_END = -1;
    private static final int FLAG_ZEROED_GRAIN_GTE = 1 << 2;
    private static final int FLAG_COMPRESSED = 1 << 16;
    private static final int FLAG_MARKERS = 1 << 17;
    private static final int COMPRESSION_DEFLATE = 1;
    /** No writer uses grains above 1 MiB (ESXi and qemu use 64 KiB); a bound keeps a bad header from sizing buffers. */
    private static final long MAX_GRAIN_SECTORS = 2048;
    /** Descriptors are a few hundred bytes; a bound keeps a bad header from allocating gigabytes. */
    private static final long MAX_DESCRIPTOR_SECTORS = 2048;

    /** Where the decoded grains go. */
    interface Grains {
        /**
         * Whether the grain at {@code diskOffset} is wanted; an unwanted one is skipped without inflating (a resumed
         * copy already has it).
         */
        boolean wanted(long diskOffset);

        /**
         * One grain's data: {@code data[0, length)} belongs at {@code diskOffset}; never past the capacity. A grain
         * shorter than the grain size leaves the rest of it zero.
         */
        void grain(long diskOffset, byte[] data, int length) throws IOException, InterruptedException;
    }

    /** What the header says, in bytes. */
    record Header(long capacity, int grainBytes) {
    }

    private final InputStream in;
    private final String disk;
    private final long expectedCapacity;
    private final byte[] sector = new byte[SECTOR];
    private final Inflater inflater = new Inflater();
    private long offset;
    private Header header;
    private byte[] compressed = new byte[0];
    private byte[] grain;
    /**
     * The grains the stream holds, from a grain directory written ahead of them (qemu-img's layout: its streams
     * end after the last grain, without footer or EOS marker); -1 when the directory comes at the end (ESXi's), where
     * the EOS marker is what tells a complete stream.
     */
    private long expectedGrains = -1;
    private long grainsSeen;
    private final byte[] spare = new byte[1];

    /**
     * @param disk             how errors name the disk, e.g. "disk 0"
     * @param expectedCapacity the disk's capacity in bytes as the source's inventory says; the header must agree.
     *                         Negative: take the header's.
     */
    StreamOptimizedVmdkReader(InputStream in, String disk, long expectedCapacity) {
        this.in = in;
        this.disk = disk;
        this.expectedCapacity = expectedCapacity;
    }

    /** Bytes of the stream consumed so far. */
    long offset() {
        return offset;
    }

    /** Reads the stream to its EOS marker, handing every wanted grain to {@code sink}. */
    Header read(Grains sink) throws IOException, InterruptedException {
        try {
            readHeader();
            while (true) {
                long at = offset;
                int got = in.readNBytes(sector, 0, SECTOR);
                offset += got;
                if (got == 0 && expectedGrains >= 0 && grainsSeen >= expectedGrains) {
                    // every grain the directory ahead named has come: complete without an EOS marker
                    return header;
                }
                if (got < SECTOR) {
                    throw truncated(expectedGrains >= 0 ? String.format("a marker, after %d of the %d grains its "
                            + "grain directory names", grainsSeen, expectedGrains) : "a marker");
                }
                long value = le64(sector, 0);
                long size = le32(sector, 8);
                if (size == 0) {
                    int type = (int) le32(sector, 12);
                    if (type == MARKER_EOS) {
                        return header;
                    }
                    if (type != MARKER_GT && type != MARKER_GD && type != MARKER_FOOTER) {
                        throw fail(at, "unknown metadata marker type " + type);
                    }
                    if (type == MARKER_FOOTER) {
                        readFooter(at, value);
                    } else {
                        skipFully(value * SECTOR, type == MARKER_GT ? "a grain table" : "the grain directory");
                    }
                } else {
                    readGrain(at, value, size, sink);
                }
            }
        } finally {
            inflater.end();
        }
    }

    private void readHeader() throws IOException {
        readFully(sector, SECTOR, "the header");
        for (int i = 0; i < MAGIC.length; i++) {
            if (sector[i] != MAGIC[i]) {
                throw fail(0, "not a sparse VMDK (no KDMV magic)");
            }
        }
        long version = le32(sector, 4);
        long flags = le32(sector, 8);
        long capacitySectors = le64(sector, 12);
        long grainSectors = le64(sector, 20);
        long descOffset = le64(sector, 28);
        long descSectors = le64(sector, 36);
        long gtesPerGt = le32(sector, 44);
        long gdOffset = le64(sector, 56);
        long overHead = le64(sector, 64);
        int compression = le16(sector, 77);
        if (version < 1 || version > 3) {
            throw fail(4, "unsupported sparse VMDK version " + version);
        }
        if ((flags & FLAG_COMPRESSED) == 0 || (flags & FLAG_MARKERS) == 0 || compression != COMPRESSION_DEFLATE) {
            throw fail(8, String.format("not streamOptimized: flags 0x%x, compression %d (compressed grains with "
                    + "markers and deflate are needed)", flags, compression));
        }
        if (grainSectors < 1 || grainSectors > MAX_GRAIN_SECTORS || Long.bitCount(grainSectors) != 1) {
            throw fail(20, "grain size of " + grainSectors + " sectors is not a power of two up to " + MAX_GRAIN_SECTORS);
        }
        if (capacitySectors < 0 || capacitySectors > Long.MAX_VALUE / SECTOR) {
            throw fail(12, "capacity of " + capacitySectors + " sectors is out of range");
        }
        long capacity = capacitySectors * SECTOR;
        if (expectedCapacity >= 0 && capacity != expectedCapacity) {
            throw fail(12, String.format("the header's capacity of %d bytes differs from the disk's %d",
                    capacity, expectedCapacity));
        }
        header = new Header(capacity, (int) (grainSectors * SECTOR));
        grain = new byte[header.grainBytes()];
        long dataStart = SECTOR;
        if (descSectors > 0) {
            if (descOffset < 1 || descSectors > MAX_DESCRIPTOR_SECTORS) {
                throw fail(28, String.format("descriptor at sector %d of %d sectors is out of range", descOffset,
                        descSectors));
            }
            skipTo(descOffset * SECTOR, "the descriptor");
            long at = offset;
            byte[] desc = new byte[(int) (descSectors * SECTOR)];
            readFully(desc, desc.length, "the descriptor");
            checkDescriptor(at, new String(desc, StandardCharsets.US_ASCII), capacitySectors);
            dataStart = offset;
        }
        // the first marker follows the metadata the header counts (qemu keeps its grain directory there)
        long firstMarker = Math.max(dataStart, overHead * SECTOR);
        if (gdOffset != GD_AT_END && gdOffset > 0 && gdOffset * SECTOR >= offset && gdOffset * SECTOR < firstMarker
                && gtesPerGt > 0 && gtesPerGt <= 1 << 16) {
            countGrainsAhead(gdOffset, gtesPerGt, capacitySectors, grainSectors, (flags & FLAG_ZEROED_GRAIN_GTE) != 0,
                    firstMarker);
        }
        skipTo(firstMarker, "the first marker");
    }

    /**
     * Reads the grain directory ahead of the grains and the grain tables it points to as they stream by, up to the
     * first marker, counting the grains they name. Tables elsewhere (behind the directory, past the first marker)
     * leave the count unknown, and the stream then needs its EOS marker.
     */
    private void countGrainsAhead(long gdOffset, long gtesPerGt, long capacitySectors, long grainSectors,
                                  boolean zeroedGrainGte, long firstMarker) throws IOException {
        long grains = (capacitySectors + grainSectors - 1) / grainSectors;
        long tablesCount = (grains + gtesPerGt - 1) / gtesPerGt;
        long gdBytes = (tablesCount * 4 + SECTOR - 1) / SECTOR * SECTOR;
        long gtSectors = (gtesPerGt * 4 + SECTOR - 1) / SECTOR;
        if (gdOffset * SECTOR + gdBytes > firstMarker || gdBytes > 64 << 20) {
            return;
        }
        skipTo(gdOffset * SECTOR, "the grain directory");
        byte[] gd = new byte[(int) gdBytes];
        readFully(gd, gd.length, "the grain directory");
        long[] tables = new long[(int) tablesCount];
        int n = 0;
        for (int i = 0; i < tablesCount; i++) {
            long t = le32(gd, i * 4);
            if (t != 0) {
                if (t * SECTOR < offset || (t + gtSectors) * SECTOR > firstMarker) {
                    return;
                }
                tables[n++] = t;
            }
        }
        java.util.Arrays.sort(tables, 0, n);
        long count = 0;
        int next = 0;
        while (next < n) {
            long table = tables[next++];
            skipTo(table * SECTOR, "a grain table");
            for (long j = 0; j < gtSectors; j++) {
                readFully(sector, SECTOR, "a grain table");
                for (int e = 0; e < SECTOR; e += 4) {
                    long entry = le32(sector, e);
                    if (entry != 0 && !(zeroedGrainGte && entry == 1)) {
                        count++;
                    }
                }
            }
            // a table named twice is read once
            while (next < n && tables[next] == table) {
                next++;
            }
        }
        expectedGrains = count;
    }

    /** The descriptor must be a streamOptimized one whose extents add up to the header's capacity. */
    private void checkDescriptor(long at, String text, long capacitySectors) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            text = text.substring(0, nul);
        }
        String createType = null;
        long extentSectors = 0;
        boolean extents = false;
        for (String line : text.split("\r?\n")) {
            String l = line.trim();
            if (l.startsWith("createType")) {
                int eq = l.indexOf('=');
                createType = eq < 0 ? "" : l.substring(eq + 1).trim().replace("\"", "");
            } else if (l.matches("(RW|RDONLY|NOACCESS)\\s+\\d+\\s+.*")) {
                extents = true;
                extentSectors += Long.parseLong(l.split("\\s+")[1]);
            }
        }
        if (!"streamOptimized".equals(createType)) {
            throw fail(at, "the descriptor's createType is " + (createType == null ? "missing" : "'" + createType + "'")
                    + ", not streamOptimized");
        }
        if (!extents || extentSectors != capacitySectors) {
            throw fail(at, String.format("the descriptor's extents hold %d sectors, the header's capacity is %d",
                    extentSectors, capacitySectors));
        }
    }

    private void readGrain(long at, long lba, long size, Grains sink) throws IOException, InterruptedException {
        grainsSeen++;
        long diskOffset;
        if (lba < 0 || lba > Long.MAX_VALUE / SECTOR || (diskOffset = lba * SECTOR) >= header.capacity()) {
            throw fail(at, String.format("a grain at sector %d lies past the capacity of %d sectors", lba,
                    header.capacity() / SECTOR));
        }
        // deflate of a grain is never much larger than the grain itself
        if (size > header.grainBytes() + (header.grainBytes() >> 3) + 1024) {
            throw fail(at, String.format("a grain at sector %d has %d compressed bytes, more than a grain can", lba, size));
        }
        int n = (int) size;
        // marker (12 bytes) and data padded to whole sectors; 500 of the data came with the marker's sector
        long padded = (12 + size + SECTOR - 1) / SECTOR * SECTOR;
        if (!sink.wanted(diskOffset)) {
            skipFully(padded - SECTOR, "a grain");
            return;
        }
        if (compressed.length < n) {
            compressed = new byte[n];
        }
        int first = Math.min(n, SECTOR - 12);
        System.arraycopy(sector, 12, compressed, 0, first);
        if (n > first) {
            readFully(compressed, first, n - first, "a grain's data");
        }
        skipFully(padded - SECTOR - (n - first), "a grain's padding");
        int length = inflate(at, lba, n);
        int keep = (int) Math.min(length, header.capacity() - diskOffset);
        sink.grain(diskOffset, grain, keep);
    }

    private int inflate(long at, long lba, int n) {
        inflater.reset();
        inflater.setInput(compressed, 0, n);
        try {
            int length = 0;
            while (!inflater.finished()) {
                int got;
                if (length == grain.length) {
                    // a whole grain out: only the end of the deflate stream may follow, no more data
                    got = inflater.inflate(spare, 0, 1);
                    if (got > 0) {
                        throw fail(at, String.format("the grain at sector %d inflates to more than %d bytes", lba,
                                grain.length));
                    }
                } else {
                    got = inflater.inflate(grain, length, grain.length - length);
                    length += got;
                }
                if (got == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw fail(at, String.format("the grain at sector %d ends in the middle of its deflate data", lba));
                }
            }
            return length;
        } catch (DataFormatException e) {
            throw fail(at, String.format("the grain at sector %d does not inflate: %s", lba, e.getMessage()));
        }
    }

    /** The footer is the header again (with the grain directory's offset): check its magic, ignore the rest. */
    private void readFooter(long at, long sectors) throws IOException {
        if (sectors < 1) {
            throw fail(at, "a footer marker without a footer");
        }
        long footerAt = offset;
        readFully(sector, SECTOR, "the footer");
        for (int i = 0; i < MAGIC.length; i++) {
            if (sector[i] != MAGIC[i]) {
                throw fail(footerAt, "the footer has no KDMV magic");
            }
        }
        skipFully((sectors - 1) * SECTOR, "the footer");
    }

    private void skipTo(long streamOffset, String what) throws IOException {
        if (streamOffset < offset) {
            throw fail(offset, what + " at stream byte " + streamOffset + " lies behind what was already read");
        }
        skipFully(streamOffset - offset, what);
    }

    private void readFully(byte[] b, int len, String what) throws IOException {
        readFully(b, 0, len, what);
    }

    private void readFully(byte[] b, int off, int len, String what) throws IOException {
        int n = in.readNBytes(b, off, len);
        offset += n;
        if (n < len) {
            throw truncated(what);
        }
    }

    private void skipFully(long bytes, String what) throws IOException {
        while (bytes > 0) {
            int n = in.readNBytes(grain == null ? sector : grain, 0, (int) Math.min(bytes,
                    grain == null ? SECTOR : grain.length));
            if (n == 0) {
                throw truncated(what);
            }
            offset += n;
            bytes -= n;
        }
    }

    /** An IOException, like a dropped connection: a copy may read the stream again. */
    private EOFException truncated(String what) {
        return new EOFException(message(offset, "the stream ends in " + what + ", before its end-of-stream marker"));
    }

    private AgentException fail(long at, String why) {
        return new AgentException(message(at, why));
    }

    private String message(long at, String why) {
        return String.format("%s: streamOptimized VMDK at stream byte %d: %s", disk, at, why);
    }

    private static long le64(byte[] b, int i) {
        return (le32(b, i)) | (le32(b, i + 4) << 32);
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }
}
