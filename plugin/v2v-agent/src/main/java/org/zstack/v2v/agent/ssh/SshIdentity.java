package org.zstack.v2v.agent.ssh;

import org.zstack.agent.AgentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A private key the management node sent (for a KVM source host), written where ssh and libvirt can read it: a file
 * of mode 0600 in a directory of mode 0700 of its own, removed on close. The key never goes on a command line or into
 * a log; only the file's path does.
 */
public final class SshIdentity implements AutoCloseable {
    private final Path dir;
    private final Path file;

    private SshIdentity(Path dir, Path file) {
        this.dir = dir;
        this.file = file;
    }

    /** @throws AgentException when no key was given */
    public static SshIdentity write(String privateKey) {
        if (privateKey == null || privateKey.isBlank()) {
            throw new AgentException("sshPrivKey is required to reach the source host over SSH");
        }
        try {
            Path dir = Files.createTempDirectory("v2v-ssh-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path file = dir.resolve("id");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            // OpenSSH refuses a key file without its final newline ("invalid format")
            String text = privateKey.replace("\r\n", "\n").strip() + "\n";
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return new SshIdentity(dir, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the SSH key file", e);
        }
    }

    public Path path() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory of mode 0700; the next boot's tmp cleaning takes it
        }
    }
}
