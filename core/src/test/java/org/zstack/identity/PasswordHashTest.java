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
}
