package org.zstack.agent.auth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signer and verifier of agent calls. The vector below is also in core's AgentRequestSignerTest (the node's copy
 * of these classes): both must produce it, so the node and the agent agree. It was computed independently (Python's
 * hmac and hashlib).
 */
class AgentRequestSignerTest {
    // ---- the shared test vector (keep in step with core/src/test/.../core/rest/AgentRequestSignerTest) ----
    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String BODY = "{\"jobUuid\":\"x\",\"storagePath\":\"/tmp/s\"}";
    static final String BODY_SHA256 = "60b44787263321c68711d5970efa229e84c92dc7b501046d1d69d8feaf6f422c";
    static final String PATH = "/v2v/job/cleanup?a=%2Fb";
    static final long TS = 1700000000L;
    static final String NONCE = "00112233445566778899aabbccddeeff";
    static final String SIGNATURE = "437562aa92dc6b299ed5aefa1d7db691851339750be3b2a47844c483f8c01336";
    static final String SCOPE = "PUT /v2v/volume/upload 1700003600";
    static final String SCOPED_KEY = "42f0a31248a01aab08d4ada0540ca97ba64a37c2d805fdad705fe12c5ab58bfc";

    private final AtomicLong now = new AtomicLong(TS);
    private final SignedRequestVerifier verifier = new SignedRequestVerifier(now::get);

    @Test
    void theSharedTestVector() {
        assertEquals(BODY_SHA256, AgentRequestSigner.sha256Hex(BODY.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SIGNATURE, AgentRequestSigner.sign(SECRET, "POST", PATH, TS, NONCE, BODY_SHA256));
        assertEquals(SCOPED_KEY, AgentRequestSigner.scopedKey(SECRET, SCOPE));
    }

    private Map<String, String> vectorHeaders() {
        Map<String, String> h = new HashMap<>();
        h.put(AgentRequestSigner.TIMESTAMP, Long.toString(TS));
        h.put(AgentRequestSigner.NONCE, NONCE);
        h.put(AgentRequestSigner.CONTENT_SHA256, BODY_SHA256);
        h.put(AgentRequestSigner.SIGNATURE, SIGNATURE);
        return h;
    }

    private String check(Map<String, String> h, String method, String body) {
        return verifier.check(SECRET, method, "/v2v/job/cleanup", "a=%2Fb", h::get,
                body == null ? null : AgentRequestSigner.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignedRequestPassesOnceAndItsReplayIsRefused() {
        assertNull(check(vectorHeaders(), "POST", BODY));
        assertTrue(check(vectorHeaders(), "POST", BODY).contains("replayed"));
        assertEquals(1, verifier.rememberedNonces());
    }

    @Test
    void everyPartOfTheRequestIsCovered() {
        assertTrue(check(vectorHeaders(), "PUT", BODY).contains("signature is wrong"));
        assertTrue(check(vectorHeaders(), "POST", BODY + " ").contains("body does not match"));
        assertTrue(verifier.check(SECRET, "POST", "/v2v/job/cleanup", "a=%2Fc", vectorHeaders()::get, BODY_SHA256)
                .contains("signature is wrong"));
        assertTrue(verifier.check("another secret", "POST", "/v2v/job/cleanup", "a=%2Fb", vectorHeaders()::get,
                BODY_SHA256).contains("signature is wrong"));
        Map<String, String> h = vectorHeaders();
        h.put(AgentRequestSigner.NONCE, "ffffffffffffffffffffffffffffffff");
        assertTrue(check(h, "POST", BODY).contains("signature is wrong"));
        // a refused request leaves no nonce behind: the genuine one still passes
        assertEquals(0, verifier.rememberedNonces());
        assertNull(check(vectorHeaders(), "POST", BODY));
    }

    @Test
    void unsignedStaleOrSecretlessRequestsAreRefused() {
        assertTrue(check(new HashMap<>(), "POST", BODY).contains("not signed"));
        now.set(TS + SignedRequestVerifier.WINDOW_SECONDS + 1);
        assertTrue(check(vectorHeaders(), "POST", BODY).contains("away from this host's clock"));
        now.set(TS - SignedRequestVerifier.WINDOW_SECONDS - 1);
        assertTrue(check(vectorHeaders(), "POST", BODY).contains("away from this host's clock"));
        now.set(TS);
        assertTrue(verifier.check(null, "POST", "/v2v/job/cleanup", "a=%2Fb", vectorHeaders()::get, BODY_SHA256)
                .contains("no secret"));
    }

    @Test
    void aScopedKeySignsOnlyItsPathUntilItsDeadline() {
        Map<String, String> h = AgentRequestSigner.headers(SCOPED_KEY, SCOPE, "PUT",
                "/v2v/volume/upload?path=%2Fps%2Fa.qcow2&size=5", AgentRequestSigner.UNSIGNED_PAYLOAD);
        long signedAt = Long.parseLong(h.get(AgentRequestSigner.TIMESTAMP));
        SignedRequestVerifier v = new SignedRequestVerifier(() -> signedAt);
        assertTrue(v.check(SECRET, "PUT", "/v2v/volume/delete", "path=%2Fps%2Fa.qcow2&size=5", h::get, null)
                .contains("scoped to PUT /v2v/volume/upload"));
        assertTrue(v.check(SECRET, "PUT", "/v2v/volume/upload", "path=%2Fps%2Fa.qcow2&size=5", h::get, null)
                .contains("expired"), "the scope's deadline (1700003600) is long past at the signing time");

        long expires = signedAt + 60;
        String scope = AgentRequestSigner.scope("PUT", "/v2v/volume/upload", expires);
        String key = AgentRequestSigner.scopedKey(SECRET, scope);
        Map<String, String> ok = AgentRequestSigner.headers(key, scope, "PUT",
                "/v2v/volume/upload?path=%2Fps%2Fa.qcow2&size=5", AgentRequestSigner.UNSIGNED_PAYLOAD);
        assertNull(v.check(SECRET, "PUT", "/v2v/volume/upload", "path=%2Fps%2Fa.qcow2&size=5", ok::get, null));
        // the key alone, without its scope, is not the host secret
        Map<String, String> noScope = AgentRequestSigner.headers(key, null, "PUT",
                "/v2v/volume/upload?path=%2Fps%2Fb.qcow2&size=5", AgentRequestSigner.UNSIGNED_PAYLOAD);
        assertTrue(v.check(SECRET, "PUT", "/v2v/volume/upload", "path=%2Fps%2Fb.qcow2&size=5", noScope::get, null)
                .contains("signature is wrong"));
        // UNSIGNED-PAYLOAD is for streamed bodies only
        Map<String, String> json = AgentRequestSigner.headers(SECRET, null, "POST", "/v2v/job/cleanup",
                AgentRequestSigner.UNSIGNED_PAYLOAD);
        assertTrue(v.check(SECRET, "POST", "/v2v/job/cleanup", null, json::get, AgentRequestSigner.sha256Hex(new byte[0]))
                .contains("body does not match"));
    }
}
