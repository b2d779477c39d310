package org.zstack.v2v.agent.transfer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * {@code disk-<i>.done}: written after a disk's file is complete and synced, holding its transfer figures. A rerun
 * of the job skips such a disk and answers the figures of the run that did the work.
 */
final class DoneMarker {
    private DoneMarker() {
    }

    /** The recorded result, or null when the disk must be transferred (no marker, or it does not fit the file). */
    static TransferCommand.DiskResult read(Path marker, Path raw, long capacity) {
        if (!Files.isRegularFile(marker) || !Files.isRegularFile(raw)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(marker)) {
            p.load(r);
            if (Long.parseLong(p.getProperty("capacity")) != capacity || Files.size(raw) != capacity) {
                return null;
            }
            TransferCommand.DiskResult d = new TransferCommand.DiskResult();
            d.capacity = capacity;
            d.bytesRead = Long.parseLong(p.getProperty("bytesRead"));
            d.bytesWritten = Long.parseLong(p.getProperty("bytesWritten"));
            d.zeroBytesSkipped = Long.parseLong(p.getProperty("zeroBytesSkipped"));
            d.seconds = Double.parseDouble(p.getProperty("seconds"));
            d.bytesPerSecond = Long.parseLong(p.getProperty("bytesPerSecond"));
            d.resumedFromByte = Long.parseLong(p.getProperty("resumedFromByte", "0"));
            d.bytesFromCheckpoint = Long.parseLong(p.getProperty("bytesFromCheckpoint", "0"));
            d.bytesReadAgain = Long.parseLong(p.getProperty("bytesReadAgain", "0"));
            return d;
        } catch (IOException | RuntimeException e) {
            // a torn or foreign marker: transfer the disk again rather than trust it
            return null;
        }
    }

    static void write(Path marker, TransferCommand.DiskResult d) throws IOException {
        Properties p = new Properties();
        p.setProperty("capacity", String.valueOf(d.capacity));
        p.setProperty("bytesRead", String.valueOf(d.bytesRead));
        p.setProperty("bytesWritten", String.valueOf(d.bytesWritten));
        p.setProperty("zeroBytesSkipped", String.valueOf(d.zeroBytesSkipped));
        p.setProperty("seconds", String.valueOf(d.seconds));
        p.setProperty("bytesPerSecond", String.valueOf(d.bytesPerSecond));
        p.setProperty("resumedFromByte", String.valueOf(d.resumedFromByte));
        p.setProperty("bytesFromCheckpoint", String.valueOf(d.bytesFromCheckpoint));
        p.setProperty("bytesReadAgain", String.valueOf(d.bytesReadAgain));
        Path tmp = marker.resolveSibling(marker.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            p.store(w, "transfer of " + d.path);
        }
        Files.move(tmp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
