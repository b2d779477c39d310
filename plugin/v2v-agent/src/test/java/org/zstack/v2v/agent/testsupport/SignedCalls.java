package org.zstack.v2v.agent.testsupport;

import org.zstack.agent.AgentConfig;
import org.zstack.agent.auth.AgentRequestSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** What the node does for in-process test agents: installs their host secret (0600) and signs the calls to them. */
public final class SignedCalls {
    public static final String SECRET = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    private SignedCalls() {
    }

    public static void installSecret(AgentConfig config) {
        Path f = config.secretFile();
        try {
            Files.createDirectories(f.getParent());
            Files.deleteIfExists(f);
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(f, SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request builder for uri with the signature headers of method and body (null: a streamed body). */
    public static HttpRequest.Builder signed(URI uri, String method, byte[] body) {
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        AgentRequestSigner.headers(SECRET, null, method, pathAndQuery,
                body == null ? AgentRequestSigner.UNSIGNED_PAYLOAD : AgentRequestSigner.sha256Hex(body)).forEach(b::header);
        return b;
    }

    /** The key the node would give a conversion host for uploads to this agent. */
    public static String[] uploadKey() {
        String scope = AgentRequestSigner.scope("PUT", "/v2v/volume/upload", System.currentTimeMillis() / 1000 + 3600);
        return new String[]{AgentRequestSigner.scopedKey(SECRET, scope), scope};
    }
}
