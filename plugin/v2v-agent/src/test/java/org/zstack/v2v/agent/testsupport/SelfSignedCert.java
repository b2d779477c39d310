package org.zstack.v2v.agent.testsupport;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh self-signed server certificate made with the JDK's keytool, named for a host that is not the address the
 * tests connect to (as an ESXi certificate names the host while the URL holds its IP), and its SHA-1 thumbprint.
 */
public final class SelfSignedCert {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final SSLContext serverContext;
    private final String thumbprint;

    private SelfSignedCert(SSLContext serverContext, String thumbprint) {
        this.serverContext = serverContext;
        this.thumbprint = thumbprint;
    }

    public static SelfSignedCert create(Path dir) throws Exception {
        Path ks = dir.resolve("server-" + System.nanoTime() + ".p12");
        Process p = new ProcessBuilder(List.of("keytool", "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=esxi-01.example",
                "-ext", "SAN=dns:esxi-01.example", "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD);
        } finally {
            // in memory from here on; the benchmark runs in a directory that is kept
            Files.deleteIfExists(ks);
        }
        X509Certificate cert = (X509Certificate) store.getCertificate("server");
        String hex = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return new SelfSignedCert(ctx, hex);
    }

    public SSLContext serverContext() {
        return serverContext;
    }

    /** {@code AA:BB:...}, vSphere's form. */
    public String thumbprint() {
        return thumbprint;
    }
}
