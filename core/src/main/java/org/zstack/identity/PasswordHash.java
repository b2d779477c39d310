package org.zstack.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** ZStack stores and compares SHA-512 hex digests of passwords. */
public final class PasswordHash {
    private PasswordHash() {
    }

    public static String sha512(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client that already hashed sends 128 hex digits; others send the password itself. */
    public static boolean matches(String given, String storedHash) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(toStored(given).getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8));
    }

    /** What is stored for a password a client sent (itself, or its SHA-512 hex): that SHA-512 hex, lower case. */
    public static String toStored(String given) {
        boolean hashed = given.length() == 128 && given.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        return hashed ? given.toLowerCase() : sha512(given);
    }
}
