package org.zstack.agent.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The cache mode follows what the volume's filesystem can do, asked directly. */
class DiskCachePolicyTest {
    @Test
    void cacheNoneWhereODirectWorksElseWriteback(@TempDir Path dir) throws Exception {
        Path disk = Files.write(dir.resolve("disk.raw"), new byte[4096]);
        assertEquals("none", DiskCachePolicy.choose(disk), "ext4 takes O_DIRECT");
        // procfs refuses O_DIRECT (EINVAL), as tmpfs did before Linux 6.6: the filesystem that cannot
        assertEquals("writeback", DiskCachePolicy.choose(Path.of("/proc/self/status")));
    }
}
