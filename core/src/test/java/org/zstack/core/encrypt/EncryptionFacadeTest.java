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
        String tampered = enc.substring(0, enc.length() - 2) + (enc.endsWith("A") ? "B" : "A") + "=";
        assertThrows(IllegalStateException.class, () -> f.decrypt(tampered));
        assertThrows(IllegalStateException.class, () -> f.decrypt("plain"));
    }
}
