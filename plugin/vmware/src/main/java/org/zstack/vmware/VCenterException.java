package org.zstack.vmware;

import com.vmware.vim25.InvalidLogin;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.NotAuthenticated;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.vmware.vim.ThumbprintTrustManager;
import org.zstack.vmware.vim.VimXmlReader;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.zstack.core.Platform.err;

/**
 * A failure talking to a vCenter, as a ZStack error. The messages name the vCenter and the user, never a password
 * (nothing here ever sees one: the causes are network and SOAP faults).
 */
public class VCenterException extends OperationFailureException {
    public VCenterException(ErrorCode errorCode) {
        super(errorCode);
    }

    static VCenterException fromLogin(VCenterEndpoint ep, ThumbprintTrustManager trust, Throwable e) {
        if (trust.isMismatch()) {
            return new VCenterException(err(VCenterErrors.CERTIFICATE_CHANGED,
                    "the certificate of vCenter %s has the thumbprint %s, not the recorded %s; if the vCenter's certificate"
                            + " was renewed, update the vCenter (UpdateVCenter) to accept it", ep.address(), trust.getSeen(), trust.getExpected()));
        }
        if (find(e, InvalidLogin.class) != null) {
            return new VCenterException(err(VCenterErrors.LOGIN_FAILED,
                    "cannot log in to vCenter %s as %s: the user name or password is wrong", ep.address(), ep.username()));
        }
        VimXmlReader.NotSoapException notSoap = find(e, VimXmlReader.NotSoapException.class);
        if (notSoap != null) {
            return new VCenterException(err(VCenterErrors.NOT_VCENTER,
                    "%s is not a vCenter: %s", ep.sdkUrl(), notSoap.getMessage()));
        }
        SSLException ssl = find(e, SSLException.class);
        if (ssl != null && find(e, ConnectException.class) == null) {
            return new VCenterException(err(VCenterErrors.NOT_VCENTER,
                    "%s is not a vCenter: the TLS handshake failed (%s)", ep.sdkUrl(), ssl.getMessage()));
        }
        return unreachable(ep, e);
    }

    static VCenterException unreachable(VCenterEndpoint ep, Throwable e) {
        return new VCenterException(err(VCenterErrors.UNREACHABLE, "cannot reach vCenter %s: %s", ep.address(), describe(e)));
    }

    /** The most telling reason in a chain of causes, in a few words. */
    public static String describe(Throwable e) {
        MethodFault fault = find(e, MethodFault.class);
        if (fault != null) {
            Throwable text = fault.getCause();
            return fault.getClass().getSimpleName() + (text == null ? "" : ": " + text.getMessage());
        }
        VimXmlReader.NotSoapException notSoap = find(e, VimXmlReader.NotSoapException.class);
        if (notSoap != null) {
            return notSoap.getMessage();
        }
        if (find(e, SocketTimeoutException.class) != null) {
            return "no answer in time (" + find(e, SocketTimeoutException.class).getMessage() + ")";
        }
        if (find(e, ConnectException.class) != null) {
            return "connection refused (" + find(e, ConnectException.class).getMessage() + ")";
        }
        if (find(e, UnknownHostException.class) != null) {
            return "unknown host " + find(e, UnknownHostException.class).getMessage();
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return "no route to host";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    static boolean isSessionLost(Throwable e) {
        return find(e, NotAuthenticated.class) != null;
    }

    static <T extends Throwable> T find(Throwable e, Class<T> clz) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (clz.isInstance(t)) {
                return clz.cast(t);
            }
        }
        return null;
    }
}
