package org.zstack.core.rest;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks a request signed by {@link AgentRequestSigner}: the signature with the host secret (or a key scoped to this
 * method and path, not expired), the timestamp within {@link #WINDOW_SECONDS} of now, the body's digest, and a nonce
 * not seen before. The nonce is remembered only after the signature is right, so nobody without the secret can fill
 * the cache; it is forgotten once its timestamp is out of the window, since the window refuses it then anyway.
 * <p>
 * The same logic, in the same words, is the agent's org.zstack.agent.auth.SignedRequestVerifier.
 */
public final class SignedRequestVerifier {
    public static final long WINDOW_SECONDS = 300;
    private static final Pattern NONCE = Pattern.compile("[0-9a-fA-F]{16,64}");
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final int SWEEP_ABOVE = 10_000;

    private final LongSupplier clockSeconds;
    private final Map<String, Long> seenNonces = new ConcurrentHashMap<>();

    public SignedRequestVerifier() {
        this(() -> System.currentTimeMillis() / 1000);
    }

    public SignedRequestVerifier(LongSupplier clockSeconds) {
        this.clockSeconds = clockSeconds;
    }

    /**
     * @param secret       the host secret; null when there is none yet (every request is then refused)
     * @param method       the HTTP method
     * @param path         the decoded-free raw path, without the query
     * @param rawQuery     the raw query, or null
     * @param header       a request header by name (case-insensitive), null when absent
     * @param bodySha256   the body's digest, or null for a streamed body the handler reads itself
     * @return null when the request is authentic, else why not (never containing a secret)
     */
    public String check(String secret, String method, String path, String rawQuery, UnaryOperator<String> header,
                        String bodySha256) {
        if (secret == null || secret.isEmpty()) {
            return "this host has no secret from its management node yet";
        }
        String signature = header.apply(AgentRequestSigner.SIGNATURE);
        String ts = header.apply(AgentRequestSigner.TIMESTAMP);
        String nonce = header.apply(AgentRequestSigner.NONCE);
        String digest = header.apply(AgentRequestSigner.CONTENT_SHA256);
        if (signature == null || ts == null || nonce == null || digest == null) {
            return "the request is not signed (" + AgentRequestSigner.SIGNATURE + ", " + AgentRequestSigner.TIMESTAMP
                    + ", " + AgentRequestSigner.NONCE + " and " + AgentRequestSigner.CONTENT_SHA256 + " are required)";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            return AgentRequestSigner.TIMESTAMP + " is not a number of seconds";
        }
        long now = clockSeconds.getAsLong();
        if (Math.abs(now - timestamp) > WINDOW_SECONDS) {
            return String.format("the request's timestamp %d is %d s away from this host's clock (%d), more than %d s",
                    timestamp, now - timestamp, now, WINDOW_SECONDS);
        }
        nonce = nonce.trim();
        if (!NONCE.matcher(nonce).matches()) {
            return AgentRequestSigner.NONCE + " must be 16 to 64 hex digits";
        }
        digest = digest.trim().toLowerCase(Locale.ROOT);
        if (bodySha256 != null && !bodySha256.equals(digest)) {
            return "the body does not match " + AgentRequestSigner.CONTENT_SHA256;
        }
        if (bodySha256 == null && !digest.equals(AgentRequestSigner.UNSIGNED_PAYLOAD.toLowerCase(Locale.ROOT))
                && !HEX_DIGEST.matcher(digest).matches()) {
            return AgentRequestSigner.CONTENT_SHA256 + " must be a SHA-256 hex digest or " + AgentRequestSigner.UNSIGNED_PAYLOAD;
        }
        String key = secret;
        String scope = header.apply(AgentRequestSigner.SCOPE);
        if (scope != null) {
            String why = checkScope(scope.trim(), method, path, now);
            if (why != null) {
                return why;
            }
            key = AgentRequestSigner.scopedKey(secret, scope.trim());
        }
        String headerDigest = header.apply(AgentRequestSigner.CONTENT_SHA256).trim();
        String pathAndQuery = rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
        String expected = AgentRequestSigner.sign(key, method, pathAndQuery, timestamp, nonce, headerDigest);
        if (!AgentRequestSigner.sameSignature(expected, signature)) {
            return "the signature is wrong";
        }
        if (seenNonces.putIfAbsent(nonce.toLowerCase(Locale.ROOT), timestamp) != null) {
            return "the request was replayed (its nonce was seen before)";
        }
        if (seenNonces.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        return null;
    }

    private static String checkScope(String scope, String method, String path, long now) {
        String[] parts = scope.split(" ");
        if (parts.length != 3) {
            return AgentRequestSigner.SCOPE + " must be 'METHOD PATH EXPIRES'";
        }
        if (!parts[0].equalsIgnoreCase(method) || !parts[1].equals(path)) {
            return "the request's key is scoped to " + parts[0] + " " + parts[1] + ", not " + method + " " + path;
        }
        try {
            if (Long.parseLong(parts[2]) < now) {
                return "the request's scoped key expired at " + parts[2];
            }
        } catch (NumberFormatException e) {
            return AgentRequestSigner.SCOPE + " must end with an expiry in epoch seconds";
        }
        return null;
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<String, Long>> it = seenNonces.entrySet().iterator(); it.hasNext(); ) {
            if (Math.abs(now - it.next().getValue()) > WINDOW_SECONDS) {
                it.remove();
            }
        }
    }

    int rememberedNonces() {
        return seenNonces.size();
    }
}
