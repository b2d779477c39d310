package org.zstack.rest;

import org.zstack.header.identity.AccessKeyVO;
import org.zstack.header.identity.IdentityErrors;
import org.zstack.identity.AccountManagerImpl;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * "Authorization: ZStack <keyId>:<base64 HmacSHA1(secret, METHOD\nDATE\n/v1<path>)>" with a Date header no more
 * than 15 minutes off: the signature proves the secret without sending it, the date bounds replays, and each
 * signature is accepted once (a copy of the request is refused with ID.1033). A client therefore signs one request
 * per method and path per second: a second one in the same second has the same signature.
 */
final class AccessKeyAuthenticator {
    private static final long MAX_SKEW_MS = TimeUnit.MINUTES.toMillis(15);

    /**
     * The forms a Date arrives in: ZStack's SDK formats "EEE, dd MMM yyyy HH:mm:ss VV" with the machine's zone id
     * ("Etc/UTC", "Asia/Shanghai", "GMT", "Z", "+08:00"); RFC 1123 ("GMT", "+0800"); zone abbreviations ("CST").
     */
    private static final List<DateTimeFormatter> ZONED_DATES = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEE, dd MMM yyyy HH:mm:ss VV").toFormatter(Locale.ENGLISH),
            DateTimeFormatter.RFC_1123_DATE_TIME);

    private final AccountManagerImpl accounts;
    private final UsedSignatures used;

    AccessKeyAuthenticator(AccountManagerImpl accounts, UsedSignatures used) {
        this.accounts = accounts;
        this.used = used;
    }

    /** The key's account uuid, or the code and explanation of why the request is not authenticated. */
    record Result(String accountUuid, String refusal, IdentityErrors code) {
        static Result refused(String why) {
            return new Result(null, why, IdentityErrors.INVALID_SESSION);
        }
    }

    Result authenticate(String credential, String method, String date, String v1Path) {
        return authenticate(credential, method, date, v1Path, true);
    }

    /**
     * @param once false only for reads that change nothing and are repeated by design: the SDKs poll an API job every
     *             50 ms with a Date of one-second resolution, so the same signature comes several times; replaying such
     *             a poll shows the caller no more than the captured poll's own answer did.
     */
    Result authenticate(String credential, String method, String date, String v1Path, boolean once) {
        int colon = credential.indexOf(':');
        if (colon <= 0) {
            return Result.refused("malformed ZStack credential; expected <AccessKeyId>:<signature>");
        }
        if (date == null) {
            return Result.refused("a request signed with an access key needs a Date header");
        }
        Long when = parseDate(date.trim());
        if (when == null) {
            return Result.refused("the Date header is not in the form EEE, dd MMM yyyy HH:mm:ss followed by a zone"
                    + " (GMT, a zone id such as Asia/Shanghai, or an offset)");
        }
        if (Math.abs(System.currentTimeMillis() - when) > MAX_SKEW_MS) {
            return Result.refused("the Date header is more than 15 minutes away from the server's time");
        }
        String keyId = credential.substring(0, colon);
        AccessKeyVO key = accounts.findEnabledAccessKey(keyId);
        if (key == null) {
            return Result.refused("unknown or disabled access key");
        }
        String signature = credential.substring(colon + 1);
        String expected = sign(accounts.decryptSecret(key), method + "\n" + date + "\n" + v1Path);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            return Result.refused("the access-key signature does not match");
        }
        // only a genuine signature is remembered: garbage cannot fill the table
        if (once && !used.firstUse(keyId, signature, when + MAX_SKEW_MS)) {
            return new Result(null, "this access-key signature was already used; sign every request anew (a request"
                    + " signed twice in the same second for the same method and path has the same signature)",
                    IdentityErrors.SIGNATURE_REPLAYED);
        }
        return new Result(key.getAccountUuid(), null, null);
    }

    /** Epoch milliseconds of a Date header in any of the accepted forms, or null. */
    static Long parseDate(String date) {
        for (DateTimeFormatter f : ZONED_DATES) {
            try {
                return ZonedDateTime.parse(date, f).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                // the next form
            }
        }
        // zone abbreviations, which java.time does not parse: "EST", "CST"
        SimpleDateFormat legacy = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US);
        legacy.setTimeZone(TimeZone.getTimeZone("GMT"));
        legacy.setLenient(false);
        ParsePosition pos = new ParsePosition(0);
        Date d = legacy.parse(date, pos);
        return d != null && pos.getIndex() == date.length() ? d.getTime() : null;
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
