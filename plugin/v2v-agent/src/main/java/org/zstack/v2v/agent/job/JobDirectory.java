package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentException;
import org.zstack.agent.AllowedRoots;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A job's files on the conversion host, {@code <storagePath>/<jobUuid>/}: {@code disk-<i>.raw},
 * {@code disk-<i>.done}, {@code disk-<i>.checkpoint}, {@code out/disk-<i>.qcow2}. Checks both parts of the path,
 * since cleanup deletes it recursively: the storage path and the job's directory must lie inside a root the node
 * registered (a link out of it is refused), and a job key such as {@code ../..} or {@code /etc} must never name
 * another directory.
 */
public final class JobDirectory {
    /** The storage path's directory of kept logs (job keys are 32-hex uuids, so never this name). */
    public static final String LOGS_DIR = "logs";

    private final Path dir;

    private JobDirectory(Path dir) {
        this.dir = dir;
    }

    /** @throws AgentException when either part is missing or unsafe, naming it */
    public static JobDirectory of(AllowedRoots roots, String storagePath, String jobUuid) {
        AllowedRoots.plainName(jobUuid, "jobUuid");
        Path storage = roots.confine(storagePath, "storagePath");
        return new JobDirectory(roots.confine(storage.resolve(jobUuid), "the directory of job " + jobUuid));
    }

    public Path path() {
        return dir;
    }

    /** Where a job's logs are kept after its directory is removed: {@code <storagePath>/logs/<jobUuid>/}. */
    public Path keptLogDir() {
        return dir.getParent().resolve(LOGS_DIR).resolve(dir.getFileName());
    }

    /**
     * Moves the job's log files (virt-v2v.log, guest-network.log ...) to {@link #keptLogDir()}: a failed conversion is
     * diagnosed from them after the job's disks are gone. Keeps at most the last run's logs.
     */
    public void keepLogs() throws IOException {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches(".*\\.log(\\.\\d+)?")
                    && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                Path to = Files.createDirectories(keptLogDir()).resolve(f.getFileName());
                Files.move(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public Path rawDisk(int index) {
        return dir.resolve("disk-" + index + ".raw");
    }

    public Path doneMarker(int index) {
        return dir.resolve("disk-" + index + ".done");
    }

    /** The byte offset up to which {@code disk-<i>.raw} is durably written, while its copy is unfinished. */
    public Path checkpoint(int index) {
        return dir.resolve("disk-" + index + ".checkpoint");
    }

    /** The qemu-nbd a KVM source disk's copy runs on its source host, while it may run (its PID and directory). */
    public Path sourceNbdRecord(int index) {
        return dir.resolve("disk-" + index + ".nbd");
    }

    public Path outDir() {
        return dir.resolve("out");
    }

    public Path qcow2(int index) {
        return outDir().resolve("disk-" + index + ".qcow2");
    }

    /**
     * Removes the directory and everything in it. Links are removed, never followed, so a link inside cannot
     * make it delete elsewhere. A directory that is not there is fine: cleanup runs again after a failure.
     *
     * @return the bytes of the regular files removed
     */
    public long delete() throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long[] freed = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    freed[0] += attrs.size();
                }
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null && !(exc instanceof NoSuchFileException)) {
                    throw exc;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
        return freed[0];
    }
}
