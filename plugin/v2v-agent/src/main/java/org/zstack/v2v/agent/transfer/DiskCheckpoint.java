package org.zstack.v2v.agent.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * {@code disk-<i>.checkpoint}: how far an unfinished copy of a disk got, so that a transfer of the same job after the
 * agent was killed (or the command failed, or was canceled) goes on from there instead of from the disk's start. It
 * holds the byte offset below which every planned byte is durably in {@code disk-<i>.raw} (the raw file is synced
 * before the checkpoint is written, and the checkpoint is written to a temp file, synced and renamed, so it is
 * either the old or the new one, never torn), the bytes read and written below it, and the source's identity.
 *
 * <p>The identity is what the copy knows of the source before reading it: its capacity, its planned ranges (or data
 * extents), a file's size and mtime. A source that names its version only in its answers (an HTTP ETag or
 * Last-Modified) has it recorded as the version, which the resumed copy compares with the first answer it gets. A
 * checkpoint whose identity differs, or whose raw file is shorter than its offset, describes another source or a lost file: the disk starts over,
 * and the log says why.
 */
final class DiskCheckpoint {
    private static final Logger logger = Logger.getLogger(DiskCheckpoint.class.getName());

    /** Checkpoint after this many bytes read... */
    static final long DEFAULT_INTERVAL_BYTES = 64L << 20;
    /** ...or this long after the last one, whichever comes first: a slow link loses at most this much work. */
    static final Duration DEFAULT_INTERVAL_TIME = Duration.ofSeconds(5);

    /**
     * What a valid checkpoint says: the copy resumes at {@code offset}. {@code format} is how the source served the
     * disk when it is not its plain bytes ({@code streamOptimized}: a resumed copy reads the stream again from its
     * start, with no Range); null for plain bytes.
     */
    record State(long offset, long bytesRead, long bytesWritten, String version, String format) {
        State(long offset, long bytesRead, long bytesWritten, String version) {
            this(offset, bytesRead, bytesWritten, version, null);
        }
    }

    private final Path file;
    private final String jobUuid;
    private final int index;
    private final long intervalBytes;
    private final long intervalNanos;
    private String identity;
    /** The source's version as it says it while being read (an HTTP validator); null when it says none. */
    private String version;
    /** How the source serves the disk, when not as its plain bytes; null for plain bytes. */
    private String format;
    private long lastBytes;
    private long lastNanos = System.nanoTime();

    DiskCheckpoint(Path file, String jobUuid, int index, long intervalBytes, Duration intervalTime) {
        this.file = file;
        this.jobUuid = jobUuid;
        this.index = index;
        this.intervalBytes = intervalBytes;
        this.intervalNanos = intervalTime.toNanos();
    }

    /** A short, stable digest of the parts of a source's identity: "capacity=…;plan=…;version=…". */
    static String identity(long capacity, List<long[]> ranges, String version) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            ByteBuffer b = ByteBuffer.allocate(16);
            for (long[] r : ranges) {
                b.clear();
                b.putLong(r[0]).putLong(r[1]);
                md.update(b.array());
            }
            String plan = HexFormat.of().formatHex(md.digest(), 0, 16);
            return "capacity=" + capacity + ";plan=" + plan + ";version=" + (version == null ? "-" : version);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version of the source later saves record, learnt from its first answer. */
    void version(String version) {
        this.version = version;
    }

    /** How the source serves the disk (see {@link State#format}), for later saves. */
    void format(String format) {
        this.format = format;
    }

    /**
     * The checkpoint to resume from, when there is one that fits this source and the raw file; else null, with any
     * unfitting checkpoint removed and the reason logged.
     */
    State resume(String identity, Path raw) {
        this.identity = identity;
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String why;
        try {
            Properties p = new Properties();
            try (Reader r = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
                p.load(r);
            }
            long offset = Long.parseLong(p.getProperty("offset"));
            long size = Files.isRegularFile(raw) ? Files.size(raw) : -1;
            if (!identity.equals(p.getProperty("identity"))) {
                why = "the source is not the one it was made for (" + p.getProperty("identity") + ", now " + identity + ")";
            } else if (offset < 0 || size < offset) {
                why = "the raw file " + (size < 0 ? "is missing" : "has " + size + " bytes") + ", the checkpoint is at byte "
                        + offset;
            } else {
                lastBytes = Long.parseLong(p.getProperty("bytesRead"));
                version = p.getProperty("version");
                format = p.getProperty("format");
                return new State(offset, lastBytes, Long.parseLong(p.getProperty("bytesWritten")), version, format);
            }
        } catch (IOException | RuntimeException e) {
            why = "it cannot be read: " + e;
        }
        logger.warning(String.format("job %s disk %d: not resuming from %s, copying the disk from its start: %s",
                jobUuid, index, file.getFileName(), why));
        delete();
        return null;
    }

    /** Whether a checkpoint is due, by the bytes read since the last one or the time. */
    boolean due(long bytesRead) {
        return bytesRead - lastBytes >= intervalBytes || System.nanoTime() - lastNanos >= intervalNanos;
    }

    /**
     * Records that everything planned below {@code offset} is in the raw file. The caller has synced the raw file
     * ({@code FileChannel.force}) just before: a checkpoint must never promise data the page cache still holds.
     */
    void save(long offset, long bytesRead, long bytesWritten) throws IOException {
        Properties p = new Properties();
        p.setProperty("identity", identity);
        p.setProperty("offset", String.valueOf(offset));
        p.setProperty("bytesRead", String.valueOf(bytesRead));
        p.setProperty("bytesWritten", String.valueOf(bytesWritten));
        if (version != null) {
            p.setProperty("version", version);
        }
        if (format != null) {
            p.setProperty("format", format);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.store(out, null);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(out.toByteArray());
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(file.getParent());
        lastBytes = bytesRead;
        lastNanos = System.nanoTime();
    }

    /** The copy is complete (its done marker written) or starts over: the checkpoint has no more use. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            logger.warning(String.format("job %s disk %d: cannot remove %s: %s", jobUuid, index, file, e));
        }
    }

    /** The rename is durable only once the directory is synced too. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be opened; the rename is still atomic
        }
    }
}
