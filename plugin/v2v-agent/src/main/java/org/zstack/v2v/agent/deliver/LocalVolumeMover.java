package org.zstack.v2v.agent.deliver;

import org.zstack.v2v.agent.job.JobRegistry;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * Puts a finished volume at its install path on this host: a rename when the path is on the same file system,
 * else (a primary storage mounted over NFS) a copy to {@code <path>.part} that a cancel stops between chunks,
 * synced and then renamed, so the install path never holds half a volume.
 */
final class LocalVolumeMover {
    /** One chunk of a cross-device copy: a cancel waits for at most this much I/O. */
    private static final long CHUNK = 16 << 20;

    private LocalVolumeMover() {
    }

    static void move(Path from, Path to, JobRegistry.Job job, LongConsumer copied) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        } catch (AtomicMoveNotSupportedException e) {
            // another file system: copy below
        }
        Path part = InstallPaths.partOf(to);
        try {
            try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                long size = in.size();
                for (long pos = 0; pos < size; ) {
                    job.checkCanceled();
                    long n = in.transferTo(pos, Math.min(CHUNK, size - pos), out);
                    if (n <= 0) {
                        throw new IOException("copy of " + from + " stopped at byte " + pos + " of " + size);
                    }
                    pos += n;
                    copied.accept(n);
                }
                out.force(true);
            }
            Files.move(part, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(from);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }
}
