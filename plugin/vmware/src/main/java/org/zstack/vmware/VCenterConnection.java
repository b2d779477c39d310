package org.zstack.vmware;

import com.vmware.vim25.AboutInfo;
import com.vmware.vim25.mo.ServiceInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.vmware.vim.LenientVimClient;
import org.zstack.vmware.vim.ThumbprintTrustManager;

/**
 * One logged-in session with a vCenter (a yavijava ServiceInstance on a {@link LenientVimClient}), and the
 * certificate thumbprint it was made with.
 */
public class VCenterConnection {
    private static final Logger logger = LoggerFactory.getLogger(VCenterConnection.class);

    static {
        LenientVimClient.install();
    }

    private final ServiceInstance serviceInstance;
    private final ThumbprintTrustManager trust;
    private final VCenterEndpoint endpoint;
    private final long createdAt = System.currentTimeMillis();
    private volatile long lastUsed = createdAt;

    private VCenterConnection(ServiceInstance si, ThumbprintTrustManager trust, VCenterEndpoint endpoint) {
        this.serviceInstance = si;
        this.trust = trust;
        this.endpoint = endpoint;
    }

    /**
     * Logs in. expectedThumbprint null accepts any certificate (the first contact) and records it; otherwise only
     * that certificate is trusted. Errors are VCenterException with a ZStack error code.
     */
    public static VCenterConnection open(VCenterEndpoint ep, String expectedThumbprint, int connectTimeoutMillis, int readTimeoutMillis) {
        ThumbprintTrustManager trust = new ThumbprintTrustManager(expectedThumbprint);
        try {
            ServiceInstance si = new ServiceInstance(ep.sdkUrl(), ep.username(), ep.password(), trust, connectTimeoutMillis, readTimeoutMillis);
            return new VCenterConnection(si, trust, ep);
        } catch (Exception e) {
            throw VCenterException.fromLogin(ep, trust, e);
        }
    }

    public ServiceInstance getServiceInstance() {
        lastUsed = System.currentTimeMillis();
        return serviceInstance;
    }

    public AboutInfo about() {
        return serviceInstance.getAboutInfo();
    }

    /** The thumbprint of the certificate of this session's server (null over plain http). */
    public String thumbprint() {
        return trust.getSeen();
    }

    public ThumbprintTrustManager trust() {
        return trust;
    }

    public VCenterEndpoint endpoint() {
        return endpoint;
    }

    public long lastUsed() {
        return lastUsed;
    }

    public long createdAt() {
        return createdAt;
    }

    /** False once logged out here (yavijava then drops the session's client). */
    public boolean isOpen() {
        return serviceInstance.getServerConnection() != null && serviceInstance.getServerConnection().getVimService() != null;
    }

    /** Sets the read timeout of the next calls (a global config may have changed). */
    public void setReadTimeout(int millis) {
        if (isOpen()) {
            serviceInstance.getServerConnection().getVimService().getWsc().setReadTimeout(millis);
        }
    }

    /** The session cookie, for tests that make the vCenter forget a session. */
    public String sessionCookie() {
        return isOpen() ? serviceInstance.getServerConnection().getVimService().getWsc().getCookie() : null;
    }

    public void logout() {
        if (!isOpen()) {
            return;
        }
        try {
            serviceInstance.getServerConnection().logout();
        } catch (RuntimeException e) {
            logger.debug("logging out of vCenter {} failed: {}", endpoint.address(), e.toString());
        }
    }
}
