package org.zstack.agent.testsupport;

import org.zstack.agent.AgentConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The host secret of in-process test agents, installed where the node's deployment would put it (mode 0600). */
public final class TestSecret {
    public static final String VALUE = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private TestSecret() {
    }

    public static void install(AgentConfig config) {
        install(config.secretFile(), VALUE);
    }

    public static void install(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, secret + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
