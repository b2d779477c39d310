package org.zstack.core.thread;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

public class ThreadFacadeImpl implements ThreadFacade {
    private static final Logger logger = LoggerFactory.getLogger(ThreadFacadeImpl.class);

    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    /** Guarded by itself: per signature, the tasks waiting and how many run. */
    private final Map<String, Queue<ChainTask>> waiting = new HashMap<>();
    private final Map<String, Integer> running = new HashMap<>();

    public ThreadFacadeImpl() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zs-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "zs-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void chainSubmit(ChainTask task) {
        String sig = task.getSyncSignature();
        synchronized (waiting) {
            int r = running.getOrDefault(sig, 0);
            if (r >= task.getSyncLevel()) {
                waiting.computeIfAbsent(sig, k -> new ArrayDeque<>()).add(task);
                return;
            }
            running.put(sig, r + 1);
        }
        workers.execute(() -> runChainTask(task));
    }

    private void runChainTask(ChainTask task) {
        AtomicBoolean done = new AtomicBoolean();
        SyncTaskChain chain = () -> {
            if (done.compareAndSet(false, true)) {
                startNext(task.getSyncSignature());
            }
        };
        try {
            task.run(chain);
        } catch (Throwable t) {
            // a task that throws would otherwise block its queue forever
            logger.warn(String.format("chain task %s threw", task.getName()), t);
            chain.next();
        }
    }

    private void startNext(String sig) {
        ChainTask next;
        synchronized (waiting) {
            Queue<ChainTask> q = waiting.get(sig);
            next = q == null ? null : q.poll();
            if (q != null && q.isEmpty()) {
                waiting.remove(sig);
            }
            if (next == null) {
                int r = running.getOrDefault(sig, 1) - 1;
                if (r <= 0) {
                    running.remove(sig);
                } else {
                    running.put(sig, r);
                }
                return;
            }
        }
        ChainTask t = next;
        workers.execute(() -> runChainTask(t));
    }

    @Override
    public int queueLength(String syncSignature) {
        synchronized (waiting) {
            Queue<ChainTask> q = waiting.get(syncSignature);
            return running.getOrDefault(syncSignature, 0) + (q == null ? 0 : q.size());
        }
    }

    @Override
    public Future<?> submit(Runnable task) {
        return workers.submit(task);
    }

    @Override
    public ScheduledFuture<?> submitPeriodicTask(Runnable task, long interval, TimeUnit unit) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                logger.warn("periodic task threw", t);
            }
        }, interval, interval, unit);
    }

    @Override
    public ScheduledFuture<?> submitTimeoutTask(Runnable task, long delay, TimeUnit unit) {
        return scheduler.schedule(task, delay, unit);
    }

    public void shutdown() {
        workers.shutdownNow();
        scheduler.shutdownNow();
    }
}
