package org.zstack.v2v.agent.convert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines a running program appended to its log file since the last call. The program writes the file
 * directly (its output is redirected there, never held in the agent's memory); the agent only follows it for the
 * progress lines.
 */
final class LogTail {
    /** a line longer than this (a kernel's dump) is cut: only short stage lines matter here */
    private static final int MAX_LINE = 8192;

    private final Path file;
    private long offset;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    LogTail(Path file, long offset) {
        this.file = file;
        this.offset = offset;
    }

    /** The complete lines appended since the last call; a line still being written waits for the next call. */
    List<String> newLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < offset) {
                // truncated under us: start over rather than read past the end forever
                offset = 0;
                partial.reset();
            }
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            int n;
            while ((n = ch.read(buf, offset)) > 0) {
                offset += n;
                buf.flip();
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b == '\n') {
                        lines.add(partial.toString(StandardCharsets.UTF_8));
                        partial.reset();
                    } else if (partial.size() < MAX_LINE) {
                        partial.write(b);
                    }
                }
                buf.clear();
            }
        }
        return lines;
    }
}
