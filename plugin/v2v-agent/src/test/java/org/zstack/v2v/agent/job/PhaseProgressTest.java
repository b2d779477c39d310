package org.zstack.v2v.agent.job;

import org.junit.jupiter.api.Test;
import org.zstack.v2v.agent.testsupport.RecordingContext;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PhaseProgressTest {
    @Test
    void reportsAtMostOnceASecondOnTheJobsScaleAndOnceMoreAtTheEnd() throws Exception {
        RecordingContext ctx = new RecordingContext();
        try (PhaseProgress p = new PhaseProgress(ctx, "api-1", 40, 40, "convert", 2)) {
            p.addTotal(1000);
            long end = System.currentTimeMillis() + 2500;
            while (System.currentTimeMillis() < end) {
                p.advance(1, 1);
                Thread.sleep(10);
            }
            p.advance(0, 1000 - p.done());
        }
        List<RecordingContext.Report> reports = ctx.reports();
        assertTrue(reports.size() >= 2 && reports.size() <= 4, reports.size() + " reports");
        for (int i = 1; i < reports.size() - 1; i++) {
            long gapMs = (reports.get(i).atNanos() - reports.get(i - 1).atNanos()) / 1_000_000;
            assertTrue(gapMs >= 900, "reports " + gapMs + " ms apart");
        }
        RecordingContext.Report last = reports.get(reports.size() - 1);
        assertEquals(80, last.percent());
        assertEquals("convert", last.taskName());
        assertEquals("convert", last.detail().get("phase"));
        assertEquals(0, last.detail().get("disk"));
        assertEquals(2, last.detail().get("disks"));
        assertEquals(1000L, last.detail().get("bytes"));
        assertEquals(1000L, last.detail().get("totalBytes"));
        RecordingContext.Report first = reports.get(0);
        assertTrue(first.percent() > 40 && first.percent() < 80, "first at " + first.percent());
    }

    @Test
    void withoutAnApiIdNothingIsReported() {
        RecordingContext ctx = new RecordingContext();
        try (PhaseProgress p = new PhaseProgress(ctx, null, 0, 100, "transfer", 1)) {
            p.addTotal(10);
            p.advance(0, 10);
            assertEquals(100, p.percent());
        }
        assertTrue(ctx.reports().isEmpty());
    }
}
