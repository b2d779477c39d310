package org.zstack.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The base of the login actions (LogInByAccountAction): ZStack stores and compares the SHA-512 hex digest of a
 * password, and its UI and CLI send that digest. So a login sends {@code sha512(password)}, unless the password
 * already is 128 hex characters, which is taken as a digest and sent unchanged. (ZStack's own SDK sends whatever it
 * is given.) A clear-text password that happens to be 128 hex characters therefore has to be hashed by the caller.
 */
public abstract class AbstractLogInAction extends AbstractAction {
    private static final Pattern SHA512_HEX = Pattern.compile("[0-9a-fA-F]{128}");

    /** Lower-case hex SHA-512 digest of the UTF-8 bytes of {@code text}. */
    public static String sha512(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is unavailable", e);
        }
    }

    @Override
    protected Object paramValue(String name, Object value) {
        if ("password".equals(name) && value instanceof String p && !SHA512_HEX.matcher(p).matches()) {
            return sha512(p);
        }
        return value;
    }
}
