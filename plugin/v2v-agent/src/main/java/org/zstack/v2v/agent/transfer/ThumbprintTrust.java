package org.zstack.v2v.agent.transfer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Trusts exactly the server whose leaf certificate has a given SHA-1 thumbprint, the way vSphere hands out trust
 * (an NFC lease's {@code sslThumbprint}, a host's thumbprint). The host name is not checked: an ESXi certificate
 * names the host while the URL often holds its address, and the thumbprint pins the one certificate anyway.
 * Being an {@link X509ExtendedTrustManager}, it replaces JSSE's endpoint identification, which is what turns the
 * host name check off for this connection only.
 */
final class ThumbprintTrust extends X509ExtendedTrustManager {
    private final String expected;

    private ThumbprintTrust(String expected) {
        this.expected = expected;
    }

    /** An SSL context trusting only the certificate with this thumbprint ({@code AA:BB:...}, any case). */
    static SSLContext context(String thumbprint) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{new ThumbprintTrust(normalize(thumbprint))}, null);
        return ctx;
    }

    /** Upper-case hex pairs separated by colons, vSphere's form. */
    static String normalize(String thumbprint) {
        String hex = thumbprint.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, Math.min(i + 2, hex.length()));
        }
        return sb.toString();
    }

    static String thumbprintOf(X509Certificate cert) throws CertificateEncodingException {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(cert.getEncoded());
            return normalize(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String actual = thumbprintOf(chain[0]);
        if (!actual.equals(expected)) {
            throw new CertificateException(String.format(
                    "the server's certificate thumbprint %s is not the expected %s", actual, expected));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client-side trust manager does not trust clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a client-side trust manager does not trust clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client-side trust manager does not trust clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
