package org.zstack.vmware.vim;

import com.vmware.vim25.ws.Argument;
import com.vmware.vim25.ws.ClientCreator;
import com.vmware.vim25.ws.WSClient;
import com.vmware.vim25.ws.XmlGen;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.rmi.RemoteException;
import java.security.GeneralSecurityException;

/**
 * The SOAP client of every vCenter connection, installed through yavijava's own extension point
 * ({@link ClientCreator#clientClass}, see {@link #install()}). It changes four things of {@link WSClient}:
 * <ul>
 *   <li>requests are marshalled without being logged: yavijava's marshall logs every request at TRACE, a Login
 *       with its password;</li>
 *   <li>answers are read by {@link VimXmlReader}, which skips what this client's vim25 classes do not know
 *       (a newer vCenter's fields, types and enum values) instead of failing;</li>
 *   <li>requests are posted by code that never logs them (a Login carries the password) and that trusts the
 *       server through the connection's {@link ThumbprintTrustManager} (the certificate is pinned by its thumbprint,
 *       so the host name in it need not match);</li>
 *   <li>an answer that is not SOAP (a web server that is no vCenter) fails with a clear reason.</li>
 * </ul>
 */
public class LenientVimClient extends WSClient {
    private volatile SSLSocketFactory socketFactory;

    public LenientVimClient(String serverUrl, boolean ignoreCert) throws MalformedURLException, RemoteException {
        super(serverUrl, ignoreCert);
    }

    public LenientVimClient(String serverUrl, boolean ignoreCert, TrustManager trustManager) throws MalformedURLException, RemoteException {
        super(serverUrl, ignoreCert, trustManager);
    }

    /** Makes every yavijava connection of this JVM use this client. */
    public static void install() {
        ClientCreator.clientClass = LenientVimClient.class;
    }

    @Override
    public Object invoke(String methodName, Argument[] paras, String returnType) throws RemoteException {
        String request = marshall(methodName, paras);
        try (InputStream in = post(request)) {
            return unMarshall(returnType, in);
        } catch (RemoteException e) {
            throw e;
        } catch (Exception e) {
            throw new RemoteException(methodName + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String marshall(String methodName, Argument[] paras) {
        return XmlGen.toXML(methodName, paras, getVimNameSpace());
    }

    @Override
    public Object unMarshall(String returnType, InputStream in) throws Exception {
        return VimXmlReader.read(returnType, in);
    }

    @Override
    protected InputStream post(String soapMsg) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) getBaseUrl().openConnection();
        if (conn instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(socketFactory());
            // the certificate is checked by its thumbprint (ThumbprintTrustManager), not by the name in it: vCenters'
            // self-signed certificates seldom name the address they are reached at
            https.setHostnameVerifier((host, session) -> true);
        }
        conn.setConnectTimeout(getConnectTimeout());
        conn.setReadTimeout(getReadTimeout());
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        conn.setDoInput(true);
        conn.setUseCaches(false);
        if (soapAction != null) {
            conn.setRequestProperty("SOAPAction", soapAction);
        }
        conn.setRequestProperty("Content-Type", "text/xml; charset=utf-8");
        String sessionCookie = getCookie();
        if (sessionCookie != null) {
            conn.setRequestProperty("Cookie", sessionCookie);
        }
        try (OutputStream out = conn.getOutputStream()) {
            out.write(soapMsg.getBytes(StandardCharsets.UTF_8));
        }
        int code = conn.getResponseCode();
        String setCookie = conn.getHeaderField("Set-Cookie");
        if (sessionCookie == null && setCookie != null) {
            int semi = setCookie.indexOf(';');
            setCookie(semi < 0 ? setCookie : setCookie.substring(0, semi));
        }
        InputStream in = code >= 400 ? conn.getErrorStream() : conn.getInputStream();
        String contentType = conn.getContentType();
        if (in == null || contentType == null || !contentType.toLowerCase().contains("xml")) {
            if (in != null) {
                in.close();
            }
            throw new VimXmlReader.NotSoapException(String.format("%s answered HTTP %d (%s), not a SOAP message",
                    getBaseUrl(), code, contentType == null ? "no content type" : contentType));
        }
        return in;
    }

    private SSLSocketFactory socketFactory() throws IOException {
        SSLSocketFactory f = socketFactory;
        if (f == null) {
            TrustManager tm = getTrustManager();
            if (tm == null) {
                throw new IOException("a vCenter connection needs a ThumbprintTrustManager");
            }
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[]{tm}, null);
                f = ctx.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot set up TLS: " + e.getMessage(), e);
            }
            socketFactory = f;
        }
        return f;
    }
}
