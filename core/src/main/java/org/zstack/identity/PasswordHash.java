package org.zstack.identity;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Account passwords. ZStack's clients send the SHA-512 hex of the password (the SDK may send the password itself,
 * which is hashed here the same way), so that digest is what the client knows. The database keeps a salted, slow
 * PBKDF2-HMAC-SHA256 of it, "$pbkdf2-sha256$<iterations>$<salt>$<hash>" (base64), so a copy of the database is no
 * login: ZStack's old form, the bare SHA-512, was exactly what a client sends. Rows still in the old form are
 * accepted once and rewritten at that login ({@link #needsRehash}).
 */
public final class PasswordHash {
    private static final String PREFIX = "$pbkdf2-sha256$";
    /**
     * OWASP's 2021 figure for PBKDF2-HMAC-SHA256, about 100 ms on an idle core of this project's machines. SHA-256
     * rather than SHA-512 (both are OWASP's choices): this JDK computes it about 4x faster here (SHA-NI), so OWASP's
     * count stays near 100 ms per login. Raising it rewrites each row at its next login ({@link #needsRehash}).
     */
    static final int ITERATIONS = 310_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    public static String sha512(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the client proves it knows: 128 hex digits as sent (lower-cased), or the SHA-512 hex of a plain password. */
    static String clientDigest(String given) {
        boolean hashed = given.length() == 128 && given.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        return hashed ? given.toLowerCase() : sha512(given);
    }

    /** The value to store for a password as the client sends it (plain or SHA-512 hex). */
    public static String hash(String given) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(clientDigest(given), salt, ITERATIONS));
    }

    /** Checks a login against a stored value of either form. */
    public static boolean verify(String given, String stored) {
        if (given == null || stored == null) {
            return false;
        }
        if (!stored.startsWith(PREFIX)) {
            return matches(given, stored);
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, pbkdf2(clientDigest(given), salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True for the old unsalted form, or fewer iterations than today's: the login rewrites the row. */
    public static boolean needsRehash(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return true;
        }
        String it = stored.substring(PREFIX.length()).split("\\$")[0];
        try {
            return Integer.parseInt(it) < ITERATIONS;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** The old form only: the stored value is the bare SHA-512 hex, compared with what the client sent. */
    public static boolean matches(String given, String storedHash) {
        if (given == null) {
            return false;
        }
        String candidate = clientDigest(given);
        return MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), storedHash.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pbkdf2(String digest, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(digest.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
