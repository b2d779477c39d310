package org.zstack.identity;

import jakarta.persistence.LockModeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.Component;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.identity.IdentityErrors;
import org.zstack.header.identity.LoginAttemptVO;
import org.zstack.header.message.APIMessage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.zstack.core.Platform.err;

/**
 * Slows down and then locks password guessing, per account name and client address: the first
 * identity.login.maxFailures failures are answered at once, each further attempt (right password or not) waits
 * identity.login.delay ms doubled per failure beyond them, and identity.login.lockFailures failures lock that name for
 * that address for identity.login.lockTime seconds, during which even the right password is refused with ID.1030.
 * A success forgets the failures; so does a lock that ran out, or login.lockTime without a failure.
 * <p>
 * The counts are rows of LoginAttemptVO, so every management node of a cluster counts the same failures and honours
 * the same lock. Names that do not exist are counted like names that do: the answers do not tell them apart.
 * The address is the TCP peer the REST server saw (not X-Request-Ip, which a client may set to anything); behind a
 * reverse proxy every client has the proxy's address, and the throttle is then per account name.
 */
public class LoginThrottle implements Component {
    private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);
    /** Set by the REST server on the login message: the client's TCP address. Clients cannot set message headers. */
    public static final String HEADER_CLIENT_ADDRESS = "loginClientAddress";
    /** The delay never exceeds this whatever the configs say: a delayed answer holds a client connection. */
    private static final long MAX_DELAY_MS = TimeUnit.SECONDS.toMillis(30);

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private ThreadFacade thdf;

    private ScheduledFuture<?> cleanup;

    @Override
    public boolean start() {
        cleanup = thdf.submitPeriodicTask(this::forgetStale, 60, TimeUnit.SECONDS);
        return true;
    }

    @Override
    public boolean stop() {
        if (cleanup != null) {
            cleanup.cancel(false);
        }
        return true;
    }

    /** The address the REST server recorded, or "local" for a message sent inside the node. */
    public static String clientAddressOf(APIMessage msg) {
        Object a = msg.getHeader(HEADER_CLIENT_ADDRESS);
        return a == null ? "local" : a.toString();
    }

    /**
     * Runs login (which answers the message itself, or throws) when the throttle lets it, now or after the delay;
     * an ID.1000 it throws counts as a failure, a return as a success. Whatever login throws is answered through
     * refuse, and so is a lock.
     */
    public void attempt(String accountName, String clientAddress, Runnable login, Consumer<ErrorCode> refuse) {
        String name = accountName == null ? "" : accountName;
        String id = idOf(name, clientAddress);
        long now = System.currentTimeMillis();
        LoginAttemptVO vo = dbf.findById(id, LoginAttemptVO.class);
        long delay = 0;
        if (vo != null) {
            if (vo.getLockedUntil() != null && vo.getLockedUntil().getTime() > now) {
                long left = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(vo.getLockedUntil().getTime() - now + 999));
                refuse.accept(err(IdentityErrors.LOGIN_LOCKED, "logins of account %s from %s are locked for %d more"
                        + " seconds after %d failed attempts", name, clientAddress, left, vo.getFailures()));
                return;
            }
            long lockMs = TimeUnit.SECONDS.toMillis(IdentityGlobalConfig.LOGIN_LOCK_TIME.value(Long.class));
            if (!expired(vo, now, lockMs)) {
                delay = delayAfter(vo.getFailures());
            }
        }
        Runnable guarded = () -> {
            try {
                login.run();
                succeeded(id);
            } catch (OperationFailureException e) {
                if (IdentityErrors.AUTHENTICATION_ERROR.toString().equals(e.getErrorCode().getCode())) {
                    failed(id, name, clientAddress);
                }
                refuse.accept(e.getErrorCode());
            } catch (RuntimeException e) {
                logger.warn("a login of account {} threw", name, e);
                refuse.accept(Platform.inerr("the login failed on an internal error; see the management node's log"));
            }
        };
        if (delay > 0) {
            // the answer waits, not a worker: the task runs when the delay is over
            thdf.submitTimeoutTask(guarded, delay, TimeUnit.MILLISECONDS);
        } else {
            guarded.run();
        }
    }

    /** No delay up to maxFailures failures; then delay, 2·delay, 4·delay… for each failure beyond them. */
    static long delayAfter(int failures, int maxFailures, long delay) {
        if (failures < maxFailures || delay <= 0) {
            return 0;
        }
        int doublings = Math.min(failures - maxFailures, 20);
        return Math.min(delay << doublings, MAX_DELAY_MS);
    }

    private static long delayAfter(int failures) {
        return delayAfter(failures, IdentityGlobalConfig.LOGIN_MAX_FAILURES.value(Integer.class),
                IdentityGlobalConfig.LOGIN_DELAY.value(Long.class));
    }

    private void succeeded(String id) {
        dbf.transactionVoid(em -> em.createQuery("delete from LoginAttemptVO a where a.id = :id")
                .setParameter("id", id).executeUpdate());
    }

    /**
     * Counts one failure under a row lock, so that failures at once on two nodes both count. It never throws: the
     * login's own answer must still go out.
     */
    private void failed(String id, String name, String clientAddress) {
        try {
            countFailure(id, name, clientAddress);
        } catch (RuntimeException e) {
            // two first failures at once: one inserted the row; count this one on it
            try {
                countFailure(id, name, clientAddress);
            } catch (RuntimeException again) {
                logger.warn("a failed login of account {} from {} could not be counted", name, clientAddress, again);
            }
        }
    }

    private void countFailure(String id, String name, String clientAddress) {
        long now = System.currentTimeMillis();
        long lockMs = TimeUnit.SECONDS.toMillis(IdentityGlobalConfig.LOGIN_LOCK_TIME.value(Long.class));
        int lockFailures = IdentityGlobalConfig.LOGIN_LOCK_FAILURES.value(Integer.class);
        dbf.transactionVoid(em -> {
            LoginAttemptVO vo = em.find(LoginAttemptVO.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (vo == null) {
                vo = new LoginAttemptVO();
                vo.setId(id);
                vo.setAccountName(name.length() > 255 ? name.substring(0, 255) : name);
                vo.setClientAddress(clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress);
                em.persist(vo);
            } else if (expired(vo, now, lockMs)) {
                // a lock that ran out, or failures long ago, start the count again
                vo.setFailures(0);
                vo.setLockedUntil(null);
            }
            vo.setFailures(vo.getFailures() + 1);
            vo.setLastFailureDate(new Timestamp(now));
            if (vo.getFailures() >= lockFailures && vo.getLockedUntil() == null) {
                vo.setLockedUntil(new Timestamp(now + lockMs));
                logger.warn("logins of account {} from {} are locked for {} s after {} failed attempts", vo.getAccountName(),
                        vo.getClientAddress(), TimeUnit.MILLISECONDS.toSeconds(lockMs), vo.getFailures());
            }
        });
    }

    private static boolean expired(LoginAttemptVO vo, long now, long lockMs) {
        if (vo.getLockedUntil() != null) {
            return vo.getLockedUntil().getTime() <= now;
        }
        return vo.getLastFailureDate() == null || vo.getLastFailureDate().getTime() + lockMs <= now;
    }

    /** Rows whose lock ran out or whose last failure is older than a lock lasts count for nothing any more. */
    private void forgetStale() {
        long now = System.currentTimeMillis();
        Timestamp cutoff = new Timestamp(now - TimeUnit.SECONDS.toMillis(IdentityGlobalConfig.LOGIN_LOCK_TIME.value(Long.class)));
        dbf.transactionVoid(em -> em.createQuery("delete from LoginAttemptVO a where (a.lockedUntil is null and a.lastFailureDate < :cutoff)"
                + " or a.lockedUntil < :now").setParameter("cutoff", cutoff).setParameter("now", new Timestamp(now)).executeUpdate());
    }

    private static String idOf(String name, String address) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((name + "\n" + address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
