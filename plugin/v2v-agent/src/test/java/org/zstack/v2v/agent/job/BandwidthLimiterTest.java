package org.zstack.v2v.agent.job;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

class BandwidthLimiterTest {
    static final long MiB = 1 << 20;

    @Test
    void threadsSharingOneLimiterKeepToItTogether() throws Exception {
        BandwidthLimiter limiter = new BandwidthLimiter(8 * MiB);
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    for (int k = 0; k < 16; k++) {
                        limiter.acquire(256 << 10, () -> { });
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // 16 MiB in all at 8 MiB/s
        assertTrue(seconds >= 1.9, "took " + seconds + " s");
    }

    @Test
    void aTakeLargerThanTheBurstWaitsForItsShareAndACheckpointEndsTheWait() {
        BandwidthLimiter limiter = new BandwidthLimiter(100_000);
        AtomicBoolean canceled = new AtomicBoolean();
        long t0 = System.nanoTime();
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
            }
            canceled.set(true);
        }).start();
        // 1 MiB at 100 kB/s would be 10 s; the checkpoint stops it
        assertThrows(IllegalStateException.class, () -> limiter.acquire(1 << 20, () -> {
            if (canceled.get()) {
                throw new IllegalStateException("canceled");
            }
        }));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 1.0, "took " + seconds + " s");
    }

    @Test
    void noLimitMeansNoLimiter() {
        assertNull(BandwidthLimiter.of(null));
        assertNull(BandwidthLimiter.of(0L));
        assertEquals(5, BandwidthLimiter.of(5L).bytesPerSecond());
    }
}
