package org.zstack.vmware.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.vmware.VCenterConnection;
import org.zstack.vmware.VCenterEndpoint;
import org.zstack.vmware.VCenterGlobalConfig;
import org.zstack.vmware.VCenterVO;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.err;

/**
 * The vCenter sessions whose cookie a conversion host sends with its datastore reads (online migration), one
 * login per prepared source. Not one of the pool's sessions: the pool logs out sessions idle for
 * connection.idleTimeout and drops any that failed once, either of which would cut a transfer of hours in the
 * middle. A session lives until release, kept alive meanwhile; if the node stops first, vCenter ends it after its
 * own idle timeout. The cookie is a secret: it goes to the conversion host and nowhere else, never to a log.
 */
class DatastoreReadSessions {
    private static final Logger logger = LoggerFactory.getLogger(DatastoreReadSessions.class);

    private final EncryptionFacade encryption;
    private final Map<String, VCenterConnection> sessions = new ConcurrentHashMap<>();

    DatastoreReadSessions(EncryptionFacade encryption) {
        this.encryption = encryption;
    }

    /** Logs in for the reads of key and returns the session's cookie header value (vmware_soap_session=...). */
    String open(String key, VCenterVO vc) {
        VCenterEndpoint ep = new VCenterEndpoint(vc.getDomainName(), vc.getPort(), vc.isHttps(), vc.getUserName(),
                encryption.decrypt(vc.getPassword()));
        VCenterConnection c = VCenterConnection.open(ep, vc.getThumbprint(),
                (int) TimeUnit.SECONDS.toMillis(VCenterGlobalConfig.CONNECT_TIMEOUT.value(Long.class)),
                (int) TimeUnit.SECONDS.toMillis(VCenterGlobalConfig.READ_TIMEOUT.value(Long.class)));
        String cookie = c.sessionCookie();
        if (cookie == null || cookie.isBlank()) {
            c.logout();
            throw new OperationFailureException(err(VmwareSourceErrors.DISKS_NOT_READABLE,
                    "vCenter %s gave no session cookie for reading datastores", ep.address()));
        }
        VCenterConnection old = sessions.put(key, c);
        if (old != null) {
            old.logout();
        }
        return cookie;
    }

    /** A cheap call, so vCenter does not end the session while the conversion host reads through it. */
    void ping(String key) {
        VCenterConnection c = sessions.get(key);
        if (c == null) {
            return;
        }
        try {
            c.getServiceInstance().currentTime();
        } catch (Exception e) {
            logger.warn("the reading session {} did not answer: {}", key, e.getMessage());
        }
    }

    boolean isOpen(String key) {
        return sessions.containsKey(key);
    }

    void close(String key) {
        VCenterConnection c = sessions.remove(key);
        if (c != null) {
            c.logout();
        }
    }

    void closeAll() {
        Map.copyOf(sessions).keySet().forEach(this::close);
    }
}
