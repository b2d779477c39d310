package org.zstack.core.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node's data directory (management.server.dataDir: the H2 database, the secret key, playbooks) is the node's
 * alone: the directory and every directory in it 0700, every file 0600. Java cannot set a umask, and H2 creates its
 * files with the process's (usually 0644), so the modes are fixed at boot, after the database is opened, and
 * periodically after that; the 0700 directory already keeps others out in between.
 */
public final class DataDirectory {
    private static final Logger logger = LoggerFactory.getLogger(DataDirectory.class);
    public static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates the directory 0700 (with any missing parents of its own), or narrows an existing one. */
    public static void prepare(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the data directory " + dir, e);
        }
        tighten(dir);
    }

    /** Directories to 0700 and regular files to 0600 under dir; symbolic links are left alone and not followed. */
    public static void tighten(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (isShared(dir)) {
            // a data directory set to /tmp or a home directory must not make everybody else's files ours
            logger.warn("the data directory {} is a shared directory; its modes are left as they are", dir);
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(DataDirectory::narrow);
        } catch (IOException | UncheckedIOException e) {
            logger.warn("cannot check the modes under {}: {}", dir, e.getMessage());
        }
    }

    private static boolean isShared(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        for (String shared : new String[]{"/", "/tmp", "/var/tmp", "/root", "/home", System.getProperty("java.io.tmpdir"),
                System.getProperty("user.home")}) {
            if (shared != null && d.equals(Path.of(shared).toAbsolutePath().normalize())) {
                return true;
            }
        }
        return false;
    }

    private static void narrow(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> wanted = a.isDirectory() ? DIR_MODE : a.isRegularFile() ? FILE_MODE : null;
            if (wanted != null && !Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                Files.setPosixFilePermissions(p, wanted);
            }
        } catch (NoSuchFileException gone) {
            // H2 removes its temporary files at any time
        } catch (IOException e) {
            logger.warn("cannot narrow the mode of {}: {}", p, e.getMessage());
        }
    }
}
