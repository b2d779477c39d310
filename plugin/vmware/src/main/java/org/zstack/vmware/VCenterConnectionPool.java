package org.zstack.vmware;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.errorcode.OperationFailureException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.operr;

/**
 * The sessions of this node with each vCenter: reused while they last, at most connection.poolSize per vCenter,
 * logged out after connection.idleTimeout unused. A call whose session the vCenter forgot (NotAuthenticated: the
 * vCenter restarted, or its session timed out) logs in again and runs once more. The password is read from the
 * database and decrypted only for a login.
 */
public class VCenterConnectionPool {
    private static final Logger logger = LoggerFactory.getLogger(VCenterConnectionPool.class);

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private EncryptionFacade encryption;
    @Autowired
    private ThreadFacade thdf;

    /** Work done with one session; it may be run twice (after a new login), so it must only read. */
    @FunctionalInterface
    public interface VimWork<T> {
        T run(VCenterConnection c) throws Exception;
    }

    private static final class Pool {
        final Deque<VCenterConnection> idle = new ArrayDeque<>();
        int open;
        /** Bumped by invalidate(): sessions of an older generation are logged out when they come back. */
        int generation;
    }

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    public <T> T call(String vCenterUuid, VimWork<T> work) {
        Lease lease = borrow(vCenterUuid);
        try {
            T r = work.run(lease.connection);
            release(vCenterUuid, lease);
            return r;
        } catch (Exception e) {
            discard(vCenterUuid, lease);
            if (!VCenterException.isSessionLost(e)) {
                throw wrap(vCenterUuid, lease.connection.endpoint(), e);
            }
            logger.info("the session with vCenter[uuid:{}] was lost ({}); logging in again", vCenterUuid, VCenterException.describe(e));
        }
        Lease again = borrow(vCenterUuid);
        try {
            T r = work.run(again.connection);
            release(vCenterUuid, again);
            return r;
        } catch (Exception e) {
            discard(vCenterUuid, again);
            throw wrap(vCenterUuid, again.connection.endpoint(), e);
        }
    }

    private static RuntimeException wrap(String vCenterUuid, VCenterEndpoint ep, Exception e) {
        if (e instanceof OperationFailureException o) {
            return o;
        }
        return VCenterException.unreachable(ep, e);
    }

    private record Lease(VCenterConnection connection, int generation) {
    }

    private Pool pool(String vCenterUuid) {
        return pools.computeIfAbsent(vCenterUuid, k -> new Pool());
    }

    private Lease borrow(String vCenterUuid) {
        Pool p = pool(vCenterUuid);
        int max = VCenterGlobalConfig.POOL_SIZE.value(Long.class).intValue();
        long waitUntil = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(VCenterGlobalConfig.READ_TIMEOUT.value(Long.class));
        int generation;
        synchronized (p) {
            while (true) {
                VCenterConnection c = p.idle.pollFirst();
                if (c != null && !c.isOpen()) {
                    p.open--;
                    continue;
                }
                if (c != null) {
                    c.setReadTimeout(readTimeoutMillis());
                    return new Lease(c, p.generation);
                }
                if (p.open < max) {
                    p.open++;
                    generation = p.generation;
                    break;
                }
                long left = waitUntil - System.currentTimeMillis();
                if (left <= 0) {
                    throw new OperationFailureException(operr("all %d sessions with vCenter[uuid:%s] stayed busy", max, vCenterUuid));
                }
                try {
                    p.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OperationFailureException(operr("interrupted while waiting for a session with vCenter[uuid:%s]", vCenterUuid));
                }
            }
        }
        try {
            return new Lease(login(vCenterUuid), generation);
        } catch (RuntimeException e) {
            synchronized (p) {
                p.open--;
                p.notifyAll();
            }
            throw e;
        }
    }

    private VCenterConnection login(String vCenterUuid) {
        VCenterVO vo = dbf.findByUuid(vCenterUuid, VCenterVO.class);
        if (vo == null) {
            throw new OperationFailureException(operr("vCenter[uuid:%s] is gone", vCenterUuid));
        }
        VCenterEndpoint ep = new VCenterEndpoint(vo.getDomainName(), vo.getPort(), vo.isHttps(), vo.getUserName(),
                encryption.decrypt(vo.getPassword()));
        return VCenterConnection.open(ep, vo.getThumbprint(), connectTimeoutMillis(), readTimeoutMillis());
    }

    private void release(String vCenterUuid, Lease lease) {
        Pool p = pool(vCenterUuid);
        boolean stale;
        synchronized (p) {
            stale = lease.generation != p.generation;
            if (stale) {
                p.open--;
            } else {
                p.idle.addFirst(lease.connection);
            }
            p.notifyAll();
        }
        if (stale) {
            logoutLater(lease.connection);
        }
    }

    /** A session that failed: never used again, logged out in the background (its vCenter may not be answering). */
    private void discard(String vCenterUuid, Lease lease) {
        Pool p = pool(vCenterUuid);
        synchronized (p) {
            p.open--;
            p.notifyAll();
        }
        logoutLater(lease.connection);
    }

    /** Logs out off the caller's thread: a vCenter that stopped answering would hold it for the read timeout. */
    private void logoutLater(VCenterConnection c) {
        try {
            thdf.submit(c::logout);
        } catch (RuntimeException e) {
            logger.debug("cannot log out a session of vCenter {}: {}", c.endpoint().address(), e.toString());
        }
    }

    /** Hands a session made elsewhere (by AddVCenter's login) to the pool, so the first sync needs no new login. */
    public void adopt(String vCenterUuid, VCenterConnection c) {
        Pool p = pool(vCenterUuid);
        synchronized (p) {
            if (p.open < VCenterGlobalConfig.POOL_SIZE.value(Long.class).intValue()) {
                p.open++;
                p.idle.addFirst(c);
                return;
            }
        }
        logoutLater(c);
    }

    /** Logs out every session with the vCenter (its address or credentials changed, or it is deleted). */
    public void invalidate(String vCenterUuid) {
        Pool p = pools.get(vCenterUuid);
        if (p == null) {
            return;
        }
        List<VCenterConnection> out;
        synchronized (p) {
            p.generation++;
            out = new ArrayList<>(p.idle);
            p.open -= p.idle.size();
            p.idle.clear();
            p.notifyAll();
        }
        out.forEach(this::logoutLater);
    }

    /** Forgets a deleted vCenter. */
    public void remove(String vCenterUuid) {
        invalidate(vCenterUuid);
        pools.remove(vCenterUuid);
    }

    /** Logs out the sessions unused for longer than connection.idleTimeout. */
    public void evictIdle() {
        long limit = System.currentTimeMillis() - TimeUnit.SECONDS.toMillis(VCenterGlobalConfig.IDLE_TIMEOUT.value(Long.class));
        for (Pool p : pools.values()) {
            List<VCenterConnection> out = new ArrayList<>();
            synchronized (p) {
                p.idle.removeIf(c -> {
                    if (c.lastUsed() < limit) {
                        out.add(c);
                        return true;
                    }
                    return false;
                });
                p.open -= out.size();
                p.notifyAll();
            }
            out.forEach(this::logoutLater);
        }
    }

    /** Sessions open with the vCenter (idle and in use), for tests and diagnostics. */
    public int openSessions(String vCenterUuid) {
        Pool p = pools.get(vCenterUuid);
        if (p == null) {
            return 0;
        }
        synchronized (p) {
            return p.open;
        }
    }

    /** The idle sessions, for tests that make the vCenter forget one. */
    public List<VCenterConnection> idleSessions(String vCenterUuid) {
        Pool p = pools.get(vCenterUuid);
        if (p == null) {
            return List.of();
        }
        synchronized (p) {
            return new ArrayList<>(p.idle);
        }
    }

    public void closeAll() {
        for (String uuid : new ArrayList<>(pools.keySet())) {
            remove(uuid);
        }
    }

    static int connectTimeoutMillis() {
        return (int) TimeUnit.SECONDS.toMillis(VCenterGlobalConfig.CONNECT_TIMEOUT.value(Long.class));
    }

    static int readTimeoutMillis() {
        return (int) TimeUnit.SECONDS.toMillis(VCenterGlobalConfig.READ_TIMEOUT.value(Long.class));
    }
}
