package org.zstack.v2v.agent.job;

import java.util.concurrent.TimeUnit;

/**
 * A token bucket in bytes per second, shared by all the streams of one job (its disks in parallel, or its
 * uploads), so the job as a whole keeps to its limit: the per-job limit ZStack's agent lacks (it shapes all jobs
 * in one traffic class). Thread-safe.
 *
 * <p>A caller takes its bytes first and then waits until the bucket has paid them off. The debt may exceed the
 * burst, so a 1 MiB read works at 100 KiB/s too; waiters queue up in the order they took. The bucket starts
 * empty: a full bucket at the start would let the first second go at rate + burst.
 */
public final class BandwidthLimiter {
    /** Bytes that may go at once after an idle spell: about a second's worth, at most 1 MiB. */
    static final long MAX_BURST = 1 << 20;
    /** A waiting caller looks at its cancel check this often, so a cancel never waits for a slow bucket. */
    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long bytesPerSecond;
    private final long burst;
    /** Bytes available now; negative when callers owe. Guarded by this. */
    private double tokens;
    private long lastRefill = System.nanoTime();

    public BandwidthLimiter(long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("a bandwidth limit must be positive, got " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.burst = Math.max(1, Math.min(bytesPerSecond, MAX_BURST));
    }

    /** A limiter for a limit that may be absent: null or not positive means unlimited. */
    public static BandwidthLimiter of(Long bytesPerSecond) {
        return bytesPerSecond == null || bytesPerSecond <= 0 ? null : new BandwidthLimiter(bytesPerSecond);
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /**
     * Takes {@code bytes} and returns once the bucket has paid them off.
     *
     * @param checkpoint run between short sleeps; it throws to abandon the wait (a canceled job)
     */
    public void acquire(long bytes, Runnable checkpoint) throws InterruptedException {
        if (bytes <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            refill();
            tokens -= bytes;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens * 1e9 / bytesPerSecond);
        }
        long until = System.nanoTime() + waitNanos;
        for (long left = waitNanos; left > 0; left = until - System.nanoTime()) {
            checkpoint.run();
            TimeUnit.NANOSECONDS.sleep(Math.min(left, MAX_SLEEP_NANOS));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefill) * (double) bytesPerSecond / 1e9);
        lastRefill = now;
    }
}
