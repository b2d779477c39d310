package org.zstack.rest;

import org.zstack.header.identity.AccessKeyVO;
import org.zstack.identity.AccountManagerImpl;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * "Authorization: ZStack <keyId>:<base64 HmacSHA1(secret, METHOD\nDATE\n/v1<path>)>" with a Date header no more
 * than 15 minutes off: the signature proves the secret without sending it, the date bounds replays.
 */
final class AccessKeyAuthenticator {
    private static final long MAX_SKEW_MS = TimeUnit.MINUTES.toMillis(15);

    private final AccountManagerImpl accounts;

    AccessKeyAuthenticator(AccountManagerImpl accounts) {
        this.accounts = accounts;
    }

    /** The key's account uuid, or an explanation of why the request is not authenticated. */
    record Result(String accountUuid, String refusal) {
    }

    Result authenticate(String credential, String method, String date, String v1Path) {
        int colon = credential.indexOf(':');
        if (colon <= 0) {
            return new Result(null, "malformed ZStack credential; expected <AccessKeyId>:<signature>");
        }
        if (date == null) {
            return new Result(null, "a request signed with an access key needs a Date header");
        }
        long when;
        try {
            SimpleDateFormat f = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US);
            f.setTimeZone(TimeZone.getTimeZone("GMT"));
            when = f.parse(date).getTime();
        } catch (ParseException e) {
            return new Result(null, "the Date header is not in the form EEE, dd MMM yyyy HH:mm:ss zzz");
        }
        if (Math.abs(System.currentTimeMillis() - when) > MAX_SKEW_MS) {
            return new Result(null, "the Date header is more than 15 minutes away from the server's time");
        }
        AccessKeyVO key = accounts.findEnabledAccessKey(credential.substring(0, colon));
        if (key == null) {
            return new Result(null, "unknown or disabled access key");
        }
        String expected = sign(accounts.decryptSecret(key), method + "\n" + date + "\n" + v1Path);
        byte[] given = credential.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)) {
            return new Result(null, "the access-key signature does not match");
        }
        return new Result(key.getAccountUuid(), null);
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
