package org.zstack.v2v.agent.transfer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.v2v.agent.testsupport.RawImages;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class SparseWriterTest {
    static final int B = SparseWriter.BLOCK;

    @TempDir
    Path tmp;

    @Test
    void zeroBlocksAreLeftAsHolesAlignedToTheFile() throws Exception {
        Path f = tmp.resolve("x.raw");
        byte[] buf = new byte[8 * B];
        // data in block 1 (one byte) and blocks 5-6; the write starts half a block into the file
        buf[B + 7] = 1;
        Arrays.fill(buf, 5 * B, 7 * B, (byte) 9);
        long written;
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(16L * B);
            written = new SparseWriter(raf.getChannel()).write(buf, buf.length, B / 2);
        }
        byte[] back = Files.readAllBytes(f);
        assertArrayEquals(buf, Arrays.copyOfRange(back, B / 2, B / 2 + buf.length));
        // the file's blocks start B/2 into the buffer: the byte at B+7 lies in file block 1, the run 5B..7B in
        // file blocks 5, 6 and 7; each is written whole, nothing else
        assertEquals(4L * B, written);
        assertEquals(4L * B, RawImages.allocatedBytes(f));
    }
}
