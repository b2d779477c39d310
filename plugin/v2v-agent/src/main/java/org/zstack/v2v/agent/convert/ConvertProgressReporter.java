package org.zstack.v2v.agent.convert;

import org.zstack.agent.AgentContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reports the convert phase on the job's 0-100 scale ({@code progressBase + done * progressSpan}) to the node,
 * at most once a second and only when something changed; the last report of a command is always sent.
 */
final class ConvertProgressReporter {
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final AgentContext ctx;
    private final String apiId;
    private final int base;
    private final int span;
    private final int disks;
    private long lastNanos;
    private int lastPercent = -1;
    private String lastStage;

    ConvertProgressReporter(AgentContext ctx, String apiId, int base, int span, int disks) {
        this.ctx = ctx;
        this.apiId = apiId;
        this.base = base;
        this.span = span;
        this.disks = disks;
    }

    /** @param done 0..1 of the phase */
    void report(double done, String stage, boolean force) {
        if (ctx == null || apiId == null) {
            return;
        }
        long now = System.nanoTime();
        int percent = percent(done);
        boolean changed = percent != lastPercent || !stage.equals(lastStage);
        if (!force && (!changed || lastPercent >= 0 && now - lastNanos < MIN_INTERVAL_NANOS)) {
            return;
        }
        lastNanos = now;
        lastPercent = percent;
        lastStage = stage;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("phase", "convert");
        detail.put("stage", stage);
        detail.put("disks", disks);
        ctx.reportProgress(apiId, percent, detail);
    }

    int percent(double done) {
        double d = Math.max(0, Math.min(1, done));
        return base + (int) Math.floor(d * span);
    }
}
