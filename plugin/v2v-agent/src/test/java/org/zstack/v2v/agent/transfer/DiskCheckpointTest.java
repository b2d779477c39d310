package org.zstack.v2v.agent.transfer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DiskCheckpointTest {
    static final List<long[]> PLAN = List.of(new long[]{0, 4096}, new long[]{1 << 20, 2 << 20});

    @TempDir
    Path dir;

    DiskCheckpoint checkpoint() {
        return new DiskCheckpoint(dir.resolve("disk-0.checkpoint"), "job", 0, 1000, Duration.ofHours(1));
    }

    Path raw(long size) throws Exception {
        Path raw = dir.resolve("disk-0.raw");
        try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
            f.setLength(size);
        }
        return raw;
    }

    @Test
    void aSavedCheckpointIsWhereTheSameSourceResumes() throws Exception {
        String id = DiskCheckpoint.identity(4 << 20, PLAN, "123 456");
        Path raw = raw(4 << 20);
        DiskCheckpoint c = checkpoint();
        assertNull(c.resume(id, raw), "nothing saved yet");
        c.version("etag \"v1\"");
        c.save(1_500_000, 504_096, 300_000);
        assertFalse(Files.exists(dir.resolve("disk-0.checkpoint.tmp")), "written through a temp file, renamed");

        DiskCheckpoint.State s = checkpoint().resume(id, raw);
        assertEquals(new DiskCheckpoint.State(1_500_000, 504_096, 300_000, "etag \"v1\""), s);
        c.delete();
        assertNull(checkpoint().resume(id, raw));
    }

    @Test
    void anotherSourceAShortFileOrATornCheckpointStartsTheDiskOver() throws Exception {
        String id = DiskCheckpoint.identity(4 << 20, PLAN, "123 456");
        Path raw = raw(4 << 20);
        checkpoint().resume(id, raw);
        DiskCheckpoint c = checkpoint();
        c.resume(id, raw);
        c.save(2 << 20, 1, 1);

        assertNull(checkpoint().resume(DiskCheckpoint.identity(4 << 20, PLAN, "123 999"), raw), "another mtime");
        assertFalse(Files.exists(dir.resolve("disk-0.checkpoint")), "an unfitting checkpoint is removed");

        c.save(2 << 20, 1, 1);
        assertNull(checkpoint().resume(DiskCheckpoint.identity(4 << 20, List.of(new long[]{0, 4096}), "123 456"), raw),
                "other extents");
        c.save(2 << 20, 1, 1);
        assertNull(checkpoint().resume(DiskCheckpoint.identity(8 << 20, PLAN, "123 456"), raw), "another capacity");

        c.save(2 << 20, 1, 1);
        assertNull(checkpoint().resume(id, raw(1 << 20)), "the raw file ends before the checkpoint");
        c.save(2 << 20, 1, 1);
        Files.delete(dir.resolve("disk-0.raw"));
        assertNull(checkpoint().resume(id, dir.resolve("disk-0.raw")), "no raw file");

        Files.writeString(dir.resolve("disk-0.checkpoint"), "identity=" + id + "\noffset=12");
        assertNull(checkpoint().resume(id, raw(4 << 20)), "figures missing");
        Files.writeString(dir.resolve("disk-0.checkpoint"), "\u0000\u0001garbage");
        assertNull(checkpoint().resume(id, raw), "not a checkpoint");
    }

    @Test
    void aCheckpointIsDueByBytesOrByTime() throws Exception {
        DiskCheckpoint c = checkpoint();
        assertFalse(c.due(999));
        assertTrue(c.due(1000));
        c.resume(DiskCheckpoint.identity(1, List.of(), null), raw(1));
        c.save(0, 1000, 0);
        assertFalse(c.due(1999));
        assertTrue(c.due(2000));
        DiskCheckpoint fast = new DiskCheckpoint(dir.resolve("x"), "job", 0, 1 << 30, Duration.ofMillis(50));
        assertFalse(fast.due(1));
        Thread.sleep(80);
        assertTrue(fast.due(1), "a slow copy checkpoints by time");
    }
}
