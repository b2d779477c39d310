package org.zstack.vmware.source;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.thread.ThreadFacade;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Timers that keep what a prepare opened alive while the conversion host reads (an export lease, a reading
 * session), one per key, until release stops it. They live in this node's memory only: after a restart the lease
 * or session simply times out in vCenter, which is the clean end of a job nobody reads any more.
 * <p>
 * A ping runs on a worker thread, not on the node's small scheduler, and never twice at once: a vCenter that stopped
 * answering holds one worker, not every timer of the node.
 */
class KeepAliveTimers {
    private static final Logger logger = LoggerFactory.getLogger(KeepAliveTimers.class);

    private final ThreadFacade thdf;
    private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

    KeepAliveTimers(ThreadFacade thdf) {
        this.thdf = thdf;
    }

    void start(String key, long intervalSeconds, Runnable ping) {
        AtomicBoolean running = new AtomicBoolean();
        ScheduledFuture<?> f = thdf.submitPeriodicTask(() -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            thdf.submit(() -> {
                try {
                    if (timers.containsKey(key)) {
                        ping.run();
                    }
                } catch (RuntimeException e) {
                    logger.warn("keeping {} alive failed: {}", key, e.getMessage());
                } finally {
                    running.set(false);
                }
            });
        }, intervalSeconds, TimeUnit.SECONDS);
        ScheduledFuture<?> old = timers.put(key, f);
        if (old != null) {
            old.cancel(false);
        }
    }

    void stop(String key) {
        ScheduledFuture<?> f = timers.remove(key);
        if (f != null) {
            f.cancel(false);
        }
    }

    boolean isRunning(String key) {
        return timers.containsKey(key);
    }

    Set<String> keys() {
        return Set.copyOf(timers.keySet());
    }

    void stopAll() {
        keys().forEach(this::stop);
    }
}
