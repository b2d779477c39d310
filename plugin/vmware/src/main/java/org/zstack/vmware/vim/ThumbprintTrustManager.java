package org.zstack.vmware.vim;

import javax.net.ssl.X509TrustManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Trusts a vCenter by the SHA-1 thumbprint of its certificate, in vSphere's form ("AA:BB:..."), the way vSphere
 * clients pin a server. Without an expected thumbprint (the first contact, when a vCenter is added) any certificate
 * is accepted and its thumbprint recorded, for the node to keep and expect from then on.
 */
public class ThumbprintTrustManager implements X509TrustManager {
    private final String expected;
    private volatile String seen;
    private volatile boolean mismatch;

    public ThumbprintTrustManager(String expected) {
        this.expected = expected;
    }

    public String getSeen() {
        return seen;
    }

    /** True when the server showed a certificate other than the expected one. */
    public boolean isMismatch() {
        return mismatch;
    }

    public String getExpected() {
        return expected;
    }

    public static String thumbprint(X509Certificate cert) throws CertificateEncodingException {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(cert.getEncoded());
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                if (sb.length() > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02X", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server showed no certificate");
        }
        String t = thumbprint(chain[0]);
        seen = t;
        if (expected != null && !expected.equalsIgnoreCase(t)) {
            mismatch = true;
            throw new CertificateException(String.format("the server's certificate has the thumbprint %s, not the recorded %s", t, expected));
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("no client is trusted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
