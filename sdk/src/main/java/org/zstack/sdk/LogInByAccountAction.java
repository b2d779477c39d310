package org.zstack.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Logs in and returns a session; its uuid goes into other actions' {@code sessionId}.
 * <p>
 * ZStack stores and compares the SHA-512 hex digest of a password, and its UI and CLI send that digest.
 * So this action sends {@code sha512(password)}, unless the password already is 128 hex characters, which
 * is taken as a digest and sent unchanged. (ZStack's own SDK sends whatever it is given.) A clear-text
 * password that happens to be 128 hex characters therefore has to be hashed by the caller.
 */
public class LogInByAccountAction extends AbstractAction {
    public static class Result extends ActionResult<LogInResult, Result> {
    }

    private static final Pattern SHA512_HEX = Pattern.compile("[0-9a-fA-F]{128}");

    @Param
    public String accountName;

    @Param
    public String password;

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

    public Result call() {
        return fill(new Result(), ZSClient.call(this), LogInResult.class);
    }

    public void call(Completion<Result> completion) {
        ZSClient.call(this, res -> completion.complete(fill(new Result(), res, LogInResult.class)));
    }

    @Override
    protected RestInfo getRestInfo() {
        return new RestInfo("PUT", "/accounts/login", false, false, "logInByAccount");
    }
}
