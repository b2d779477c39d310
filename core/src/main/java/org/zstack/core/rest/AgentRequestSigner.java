package org.zstack.core.rest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signature of a call between the management node and a host agent (both directions), HMAC-SHA256 with the
 * host's secret over:
 * <pre>
 * ZSTACK-AGENT-HMAC-SHA256\n
 * METHOD\n
 * raw path and query as sent (e.g. /v2v/volume/upload?path=%2Fa%2Fb.qcow2&amp;size=5)\n
 * timestamp (epoch seconds)\n
 * nonce (32 hex)\n
 * lowercase hex SHA-256 of the body, or UNSIGNED-PAYLOAD for a streamed body
 * </pre>
 * in the headers {@link #TIMESTAMP}, {@link #NONCE}, {@link #CONTENT_SHA256}, {@link #SIGNATURE}.
 * A scoped key ({@link #scopedKey}) lets the node hand one agent the right to call one path of another host's agent
 * until a deadline (a conversion host uploading a volume to the target host) without handing over that host's secret.
 * <p>
 * The agent has the same class (plugin/kvm-agent, org.zstack.agent.auth.AgentRequestSigner): the agent must not
 * depend on core, nor core on the agent, so the two copies are held together by one test vector
 * (AgentRequestSignerTest on both sides).
 */
public final class AgentRequestSigner {
    public static final String TIMESTAMP = "X-Agent-Timestamp";
    public static final String NONCE = "X-Agent-Nonce";
    public static final String CONTENT_SHA256 = "X-Agent-Content-SHA256";
    public static final String SIGNATURE = "X-Agent-Signature";
    /** Present only on a request signed with a scoped key: "METHOD PATH EXPIRES" (epoch seconds). */
    public static final String SCOPE = "X-Agent-Scope";
    /** On agent → node calls: which host's secret signed it. */
    public static final String HOST_UUID = "X-Agent-Host-UUID";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String ALGORITHM = "ZSTACK-AGENT-HMAC-SHA256";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private AgentRequestSigner() {
    }

    public static String stringToSign(String method, String pathAndQuery, long timestamp, String nonce, String bodySha256) {
        return String.join("\n", ALGORITHM, method.toUpperCase(java.util.Locale.ROOT), pathAndQuery,
                Long.toString(timestamp), nonce, bodySha256);
    }

    public static String sign(String secret, String method, String pathAndQuery, long timestamp, String nonce,
                              String bodySha256) {
        return hmacHex(secret, stringToSign(method, pathAndQuery, timestamp, nonce, bodySha256));
    }

    /** The key for a scope "METHOD PATH EXPIRES": derived from the host secret, useless for anything else. */
    public static String scopedKey(String secret, String scope) {
        return hmacHex(secret, "ZSTACK-AGENT-SCOPE\n" + scope);
    }

    public static String scope(String method, String path, long expiresEpochSeconds) {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + path + " " + expiresEpochSeconds;
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    /** A new host secret: 32 random bytes, hex. */
    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    /** The headers that sign one request now; scope non-null when secret is a scoped key. */
    public static Map<String, String> headers(String secret, String scope, String method, String pathAndQuery,
                                              String bodySha256) {
        long ts = System.currentTimeMillis() / 1000;
        String nonce = newNonce();
        Map<String, String> h = new LinkedHashMap<>();
        h.put(TIMESTAMP, Long.toString(ts));
        h.put(NONCE, nonce);
        h.put(CONTENT_SHA256, bodySha256);
        h.put(SIGNATURE, sign(secret, method, pathAndQuery, ts, nonce, bodySha256));
        if (scope != null) {
            h.put(SCOPE, scope);
        }
        return h;
    }

    public static Map<String, String> headers(String secret, String method, String pathAndQuery, byte[] body) {
        return headers(secret, null, method, pathAndQuery, sha256Hex(body));
    }

    /** Constant-time: a timing difference must not tell how much of a guessed signature was right. */
    public static boolean sameSignature(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
