package org.zstack.v2v.agent;

import org.zstack.v2v.agent.testsupport.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ConversionCacheCleanerTest {
    @TempDir
    Path tmp;

    private ConversionCacheCleaner.CleanCmd cmd(Path root, String... keep) {
        ConversionCacheCleaner.CleanCmd c = new ConversionCacheCleaner.CleanCmd();
        c.storagePath = root.toString();
        c.keep = List.of(keep);
        return c;
    }

    @Test
    void removesEverythingButTheJobsInUseAndNeverFollowsLinks() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("cache"));
        Files.write(Files.createDirectories(root.resolve("job-a")).resolve("disk0.qcow2"), new byte[4096]);
        Files.write(Files.createDirectories(root.resolve("job-b")).resolve("disk0.qcow2"), new byte[1000]);
        Path outside = Files.write(tmp.resolve("precious"), new byte[10]);
        Files.createSymbolicLink(root.resolve("link"), outside);

        var rsp = (ConversionCacheCleaner.CleanRsp) new ConversionCacheCleaner().handle(cmd(root, "job-b"), new RecordingContext());

        assertEquals(4096, rsp.freedBytes);
        assertFalse(Files.exists(root.resolve("job-a")));
        assertTrue(Files.exists(root.resolve("job-b/disk0.qcow2")));
        assertFalse(Files.exists(root.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(outside), "the link's target outside the cache survives");
        assertTrue(rsp.totalCapacity > 0 && rsp.availableCapacity > 0);
    }

    @Test
    void refusesRelativeRootAndMissingPaths() {
        ConversionCacheCleaner c = new ConversionCacheCleaner();
        ConversionCacheCleaner.CleanCmd rel = new ConversionCacheCleaner.CleanCmd();
        rel.storagePath = "relative";
        assertThrows(AgentException.class, () -> c.handle(rel, new RecordingContext()));
        assertThrows(AgentException.class, () -> c.handle(cmd(Path.of("/")), new RecordingContext()));
        assertThrows(AgentException.class, () -> c.handle(cmd(tmp.resolve("missing")), new RecordingContext()));
    }
}
