package org.zstack.agent.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The host secret the management node installed with the agent's deployment (ansible writes it, mode 0600). It is
 * read again whenever the file changes, so a ReconnectHost that rotates the secret needs no agent restart, and an
 * agent started before its node's deployment refuses every command until the file appears.
 */
public final class HostSecretFile {
    private static final Logger logger = Logger.getLogger(HostSecretFile.class.getName());
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final Path file;
    private Object stamp;
    private String secret;

    public HostSecretFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The current secret, or null when the file is missing, empty, or readable by others than its owner. */
    public synchronized String get() {
        Object now;
        try {
            // the mode too: a file made private by a chmod alone (same content, same mtime) becomes usable
            PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
            now = a.lastModifiedTime().toMillis() + ":" + a.size() + ":" + a.fileKey() + ":" + a.permissions();
        } catch (NoSuchFileException e) {
            now = null;
        } catch (IOException | UnsupportedOperationException e) {
            logger.warning("cannot read the host secret file " + file + ": " + e.getMessage());
            now = null;
        }
        if (now == null ? stamp == null && secret == null : now.equals(stamp)) {
            return secret;
        }
        stamp = now;
        secret = now == null ? null : read();
        logger.info(secret == null ? "no usable host secret in " + file + ": every command is refused"
                : "host secret loaded from " + file);
        return secret;
    }

    private String read() {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(OTHERS::contains)) {
                logger.warning("the host secret file " + file + " is open to group or others (" + perms
                        + "): ignored until it is 0600");
                return null;
            }
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException | UnsupportedOperationException e) {
            logger.warning("cannot read the host secret file " + file + ": " + e.getMessage());
            return null;
        }
    }
}
