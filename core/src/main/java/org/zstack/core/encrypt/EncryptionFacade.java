package org.zstack.core.encrypt;

import org.zstack.core.ZStackProperties;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets kept in the database (access-key secrets, vCenter passwords, SSH keys) with AES-256-GCM.
 * The key lives in a file of the node (secret.keyFile, default <dataDir>/secret.key, mode 0600), never in the
 * database, so a dump of the database alone reveals no secret. Several nodes must share the same file.
 */
public class EncryptionFacade {
    private static final String PREFIX = "enc:v1:";
    private static final int IV_BYTES = 12;
    private static final Set<PosixFilePermission> KEY_MODE = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public EncryptionFacade(ZStackProperties props) {
        Path file = Path.of(props.get("secret.keyFile", props.dataDir().resolve("secret.key").toString()));
        key = new SecretKeySpec(loadOrCreate(file), "AES");
    }

    private byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            if (!Files.getPosixFilePermissions(file).equals(KEY_MODE)) {
                // a key file of an older version, written before its chmod
                Files.setPosixFilePermissions(file, KEY_MODE);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the secret key file " + file, e);
        }
    }

    /**
     * The key is written into a new file that is 0600 from its creation, and published under its name by a hard link,
     * which fails if the name exists: nobody ever sees the key with a wider mode, nor a half-written key, and of two
     * nodes creating it at once both end with the same key.
     */
    private void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] k = new byte[32];
        random.nextBytes(k);
        Path tmp = Files.createTempFile(dir, ".secret.key", ".new", PosixFilePermissions.asFileAttribute(KEY_MODE));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(Base64.getEncoder().encodeToString(k).getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException another) {
            // another node of this data directory won the race; its key is the one
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("the value is not encrypted by this node");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: the secret key file does not match the database", e);
        }
    }
}
