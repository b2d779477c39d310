package org.zstack.core.thread;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class ThreadFacadeImplTest {
    private final ThreadFacadeImpl thdf = new ThreadFacadeImpl();

    @AfterEach
    void stop() {
        thdf.shutdown();
    }

    private ChainTask task(String sig, int level, AtomicInteger running, AtomicInteger maxRunning, CountDownLatch done, boolean throwIt) {
        return new ChainTask() {
            @Override
            public String getSyncSignature() {
                return sig;
            }

            @Override
            public int getSyncLevel() {
                return level;
            }

            @Override
            public void run(SyncTaskChain chain) {
                int now = running.incrementAndGet();
                maxRunning.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.countDown();
                if (throwIt) {
                    throw new IllegalStateException("a task that forgets chain.next() by throwing");
                }
                chain.next();
            }

            @Override
            public String getName() {
                return sig;
            }
        };
    }

    @Test
    void tasksOfOneSignatureRunOneAtATimeEvenWhenOneThrows() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(6);
        for (int i = 0; i < 6; i++) {
            thdf.chainSubmit(task("host-1", 1, running, max, done, i == 2));
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(1, max.get());
    }

    @Test
    void syncLevelBoundsConcurrencyAndOtherSignaturesRunBeside() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger max = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(8);
        for (int i = 0; i < 8; i++) {
            thdf.chainSubmit(task("pool", 3, running, max, done, false));
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertTrue(max.get() <= 3 && max.get() >= 2, "max concurrent " + max.get());
        // a task counts down before its chain.next(): the last one may still be leaving the queue
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thdf.queueLength("pool") != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, thdf.queueLength("pool"));
    }
}
