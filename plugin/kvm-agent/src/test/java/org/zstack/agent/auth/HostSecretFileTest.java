package org.zstack.agent.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HostSecretFileTest {
    @TempDir
    Path dir;

    @Test
    void theSecretIsUsedOnlyWhilePresentPrivateAndReadAgainWhenItChanges() throws Exception {
        Path f = dir.resolve("host.secret");
        HostSecretFile secret = new HostSecretFile(f);
        assertNull(secret.get(), "no file yet: no secret, every command refused");

        Files.writeString(f, "first\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertNull(secret.get(), "a secret others can read is not used");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertEquals("first", secret.get(), "made private by chmod alone: used");

        Path tmp = dir.resolve("host.secret.tmp");
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, "second-and-longer\n");
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        assertEquals("second-and-longer", secret.get(), "a rotation is seen without a restart");

        Files.delete(f);
        assertNull(secret.get());
    }
}
