package org.zstack.identity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class PasswordHashTest {
    @Test
    void acceptsThePasswordOrItsSha512() {
        String stored = PasswordHash.sha512("password");
        assertEquals(128, stored.length());
        assertTrue(PasswordHash.matches("password", stored));
        assertTrue(PasswordHash.matches(stored, stored));
        assertTrue(PasswordHash.matches(stored.toUpperCase(), stored));
        assertFalse(PasswordHash.matches("Password", stored));
        assertFalse(PasswordHash.matches(null, stored));
    }

    @Test
    void theStoredValueIsASaltedSlowHashOfWhatTheClientSends() {
        String digest = PasswordHash.sha512("password");
        String stored = PasswordHash.hash("password");
        assertTrue(stored.startsWith("$pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$"), stored);
        assertFalse(stored.contains(digest));
        assertNotEquals(stored, PasswordHash.hash("password"), "a new salt every time");
        assertEquals(digest.length(), 128);
        // the plain password and its SHA-512 hex are the same credential
        assertTrue(PasswordHash.verify("password", stored));
        assertTrue(PasswordHash.verify(digest, stored));
        assertTrue(PasswordHash.verify(digest.toUpperCase(), PasswordHash.hash(digest)));
        assertFalse(PasswordHash.verify("Password", stored));
        assertFalse(PasswordHash.verify(null, stored));
        // the database's copy is no login
        assertFalse(PasswordHash.verify(stored, stored));
        assertFalse(PasswordHash.needsRehash(stored));
    }

    @Test
    void anOldUnsaltedRowStillLogsInOnceAndIsToBeRewritten() {
        String old = PasswordHash.sha512("password");
        assertTrue(PasswordHash.verify("password", old));
        assertTrue(PasswordHash.verify(old, old));
        assertFalse(PasswordHash.verify("wrong", old));
        assertTrue(PasswordHash.needsRehash(old));
        assertTrue(PasswordHash.needsRehash("$pbkdf2-sha256$1000$AAAA$AAAA"));
    }

    @Test
    void aMangledStoredValueMatchesNothing() {
        for (String bad : new String[]{"$pbkdf2-sha256$", "$pbkdf2-sha256$x$y$z", "$pbkdf2-sha256$1000$!!$!!", "$pbkdf2-sha256$1$a"}) {
            assertFalse(PasswordHash.verify("password", bad), bad);
        }
    }
}
