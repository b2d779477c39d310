package org.zstack.vmware;

import java.net.MalformedURLException;
import java.net.URL;

/**
 * Where a vCenter is and how to log in. The password is plain here, only for as long as a login takes; it is
 * stored encrypted and never logged (toString leaves it out).
 */
public record VCenterEndpoint(String domainName, int port, boolean https, String username, String password) {
    public static int defaultPort(boolean https) {
        return https ? 443 : 80;
    }

    public URL sdkUrl() {
        String host = domainName.contains(":") && !domainName.startsWith("[") ? "[" + domainName + "]" : domainName;
        try {
            return new URL((https ? "https" : "http") + "://" + host + ":" + port + "/sdk");
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("invalid vCenter address " + domainName, e);
        }
    }

    /** domainName:port, for messages. */
    public String address() {
        return domainName + ":" + port;
    }

    @Override
    public String toString() {
        return String.format("VCenterEndpoint[%s://%s:%d, username:%s]", https ? "https" : "http", domainName, port, username);
    }
}
