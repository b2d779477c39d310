package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The progress of one phase of a job (transfer, deliver) on the job's 0–100 scale: {@code base + done * span},
 * with the detail PROTOCOL.md names. The copying threads only add to counters; one timer thread reports at most
 * once a second, so a slow management node never holds up a copy, and parallel disks never flood it.
 */
public final class PhaseProgress implements AutoCloseable {
    private static final Logger logger = Logger.getLogger(PhaseProgress.class.getName());
    static final long INTERVAL_MILLIS = 1000;

    private final AgentContext ctx;
    private final String apiId;
    private final double base;
    private final double span;
    private final String phase;
    private final int disks;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final ScheduledExecutorService timer;
    private volatile int disk;
    /** The done count of the last report: nothing new, nothing sent. Only the timer thread and close touch it. */
    private long reported = -1;

    /**
     * @param ctx   null (or a null apiId) when nobody listens: then nothing is reported
     * @param disks the number of disks of the phase, for {@code "disks"}
     */
    public PhaseProgress(AgentContext ctx, String apiId, double base, double span, String phase, int disks) {
        this.ctx = ctx;
        this.apiId = apiId;
        this.base = base;
        this.span = span;
        this.phase = phase;
        this.disks = disks;
        if (ctx == null || apiId == null) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-" + phase + "-" + apiId);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::report, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Adds work to the phase's total (bytes to read, or bytes to convert and send). */
    public void addTotal(long bytes) {
        total.addAndGet(bytes);
    }

    /** Records work done on disk {@code diskIndex}. */
    public void advance(int diskIndex, long bytes) {
        disk = diskIndex;
        done.addAndGet(bytes);
    }

    public long done() {
        return done.get();
    }

    /** The phase's place on the job's scale now; never past base + span. */
    public int percent() {
        long t = total.get();
        double fraction = t <= 0 ? 0 : Math.min(1.0, (double) done.get() / t);
        return (int) Math.floor(base + fraction * span);
    }

    public Map<String, Object> detail() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("phase", phase);
        d.put("disk", disk);
        d.put("disks", disks);
        d.put("bytes", done.get());
        d.put("totalBytes", total.get());
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        d.put("bytesPerSecond", seconds <= 0 ? 0 : (long) (done.get() / seconds));
        return d;
    }

    private synchronized void report() {
        long now = done.get();
        if (now == reported) {
            return;
        }
        reported = now;
        try {
            ctx.reportProgress(apiId, percent(), phase, detail());
        } catch (RuntimeException e) {
            // best effort, as the context promises; a thrown report must not stop the timer for good
            logger.warning(String.format("progress of %s not reported: %s", apiId, e));
        }
    }

    /** Stops the timer and sends the final figures (unless they were the last sent). */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        report();
    }
}
