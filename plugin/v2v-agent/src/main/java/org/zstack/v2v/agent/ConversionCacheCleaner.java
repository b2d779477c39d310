package org.zstack.v2v.agent;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;

import java.io.IOException;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Empties a conversion host's cache: every entry directly under its storage path except the job directories
 * still in use. Links are removed, never followed, so a link in the cache cannot make it delete elsewhere.
 */
public class ConversionCacheCleaner implements CommandHandler<ConversionCacheCleaner.CleanCmd> {
    public static class CleanCmd {
        public String storagePath;
        public List<String> keep;
    }

    public static class CleanRsp extends AgentResponse {
        public long freedBytes;
        public long totalCapacity;
        public long availableCapacity;
    }

    @Override
    public AgentResponse handle(CleanCmd cmd, AgentContext ctx) throws IOException {
        // everything under it is deleted as root: a storage path the node did not register is refused
        Path root = ctx.allowedRoots().confine(cmd.storagePath, "storagePath");
        if (root.getNameCount() == 0) {
            throw new AgentException("refusing to clean the root directory");
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new AgentException("storage path " + root + " is not a directory");
        }
        List<String> keep = cmd.keep == null ? List.of() : cmd.keep;
        AtomicLong freed = new AtomicLong();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path e : entries) {
                // the kept logs of ended jobs are the administrator's to read; cleaning the cache frees disk space
                if (!keep.contains(e.getFileName().toString())
                        && !org.zstack.v2v.agent.job.JobDirectory.LOGS_DIR.equals(e.getFileName().toString())) {
                    delete(e, freed);
                }
            }
        }
        FileStore store = Files.getFileStore(root);
        CleanRsp rsp = new CleanRsp();
        rsp.freedBytes = freed.get();
        rsp.totalCapacity = store.getTotalSpace();
        rsp.availableCapacity = store.getUsableSpace();
        return rsp;
    }

    private static void delete(Path p, AtomicLong freed) throws IOException {
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    freed.addAndGet(attrs.size());
                }
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
