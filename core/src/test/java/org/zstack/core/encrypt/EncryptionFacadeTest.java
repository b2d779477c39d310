package org.zstack.core.encrypt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.core.ZStackProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

class EncryptionFacadeTest {
    @TempDir
    Path dir;

    private EncryptionFacade facade() {
        Properties p = new Properties();
        p.setProperty("management.server.dataDir", dir.toString());
        return new EncryptionFacade(new ZStackProperties(p));
    }

    @Test
    void roundTripsWithAKeyFileOnlyTheOwnerReads() throws Exception {
        EncryptionFacade f = facade();
        String enc = f.encrypt("vcenter-password");
        assertNotEquals("vcenter-password", enc);
        assertFalse(enc.contains("vcenter"));
        assertNotEquals(enc, f.encrypt("vcenter-password"), "a fresh IV each time");
        assertEquals("vcenter-password", facade().decrypt(enc), "a node restarted with the same key file reads it");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secret.key"))));
        assertNull(f.encrypt(null));
    }

    @Test
    void aTamperedValueIsRefused() {
        EncryptionFacade f = facade();
        String enc = f.encrypt("x");
        // flip a bit of the ciphertext itself: a changed base64 character may touch only padding bits
        String prefix = enc.substring(0, enc.lastIndexOf(':') + 1);
        byte[] raw = java.util.Base64.getDecoder().decode(enc.substring(prefix.length()));
        raw[raw.length - 1] ^= 1;
        String tampered = prefix + java.util.Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> f.decrypt(tampered));
        assertThrows(IllegalStateException.class, () -> f.decrypt("plain"));
    }
}
