package org.zstack.v2v.agent.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Writes data into a sparse file, leaving out every block that is all zero: in a file that starts as one hole,
 * a skipped block stays unallocated and still reads as zeroes. Blocks are aligned to file offsets, so holes
 * line up with the file system's blocks; neighbouring data blocks go out in one positional write.
 */
final class SparseWriter {
    /** The zero-detection unit: the qcow2 cluster size, and a multiple of every file system's block. */
    static final int BLOCK = 64 << 10;
    private static final byte[] ZEROES = new byte[BLOCK];

    private final FileChannel channel;

    SparseWriter(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Writes {@code buf[0, length)} at {@code position}, except the all-zero blocks.
     *
     * @return the bytes actually written
     */
    long write(byte[] buf, int length, long position) throws IOException {
        long written = 0;
        int runStart = -1;
        int off = 0;
        while (off < length) {
            // up to the next block boundary of the file, so the first block of an unaligned range is short
            int end = (int) Math.min(length, off + (BLOCK - (position + off) % BLOCK));
            boolean zero = Arrays.mismatch(buf, off, end, ZEROES, 0, end - off) == -1;
            if (!zero && runStart < 0) {
                runStart = off;
            } else if (zero && runStart >= 0) {
                written += writeFully(buf, runStart, off, position);
                runStart = -1;
            }
            off = end;
        }
        if (runStart >= 0) {
            written += writeFully(buf, runStart, length, position);
        }
        return written;
    }

    private long writeFully(byte[] buf, int from, int to, long position) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, from, to - from);
        long at = position + from;
        while (bb.hasRemaining()) {
            at += channel.write(bb, at);
        }
        return to - from;
    }
}
