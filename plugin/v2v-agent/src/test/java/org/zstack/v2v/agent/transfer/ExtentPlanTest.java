package org.zstack.v2v.agent.transfer;

import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ExtentPlanTest {
    @Test
    void noExtentsIsTheWholeDisk() {
        List<long[]> r = ExtentPlan.ranges(100, null);
        assertEquals(1, r.size());
        assertArrayEquals(new long[]{0, 100}, r.get(0));
        assertEquals(List.of(), ExtentPlan.ranges(0, null));
        assertEquals(List.of(), ExtentPlan.ranges(100, List.of()), "no allocated extent: nothing to read");
    }

    @Test
    void extentsAreSortedClippedAndTinyGapsMerged() {
        long gap = ExtentPlan.MERGE_GAP;
        List<long[]> r = ExtentPlan.ranges(100 * gap, List.of(
                new long[]{50 * gap, gap},
                new long[]{0, 4096},
                new long[]{8192, 4096},                 // 4 KiB gap: merged with the first
                new long[]{10 * gap, gap},
                new long[]{11 * gap + gap, gap},        // a gap of exactly MERGE_GAP: merged
                new long[]{99 * gap, 5 * gap},          // clipped at the capacity
                new long[]{200 * gap, gap}));           // beyond the disk: dropped
        assertEquals(4, r.size());
        assertArrayEquals(new long[]{0, 12288}, r.get(0));
        assertArrayEquals(new long[]{10 * gap, 13 * gap}, r.get(1));
        assertArrayEquals(new long[]{50 * gap, 51 * gap}, r.get(2));
        assertArrayEquals(new long[]{99 * gap, 100 * gap}, r.get(3));
        assertEquals(12288 + 3 * gap + gap + gap, ExtentPlan.bytes(r));
    }

    @Test
    void malformedExtentsAreRefused() {
        assertThrows(AgentException.class, () -> ExtentPlan.ranges(100, List.of(new long[]{1})));
        assertThrows(AgentException.class, () -> ExtentPlan.ranges(100, List.of(new long[]{-1, 5})));
    }

    @Test
    void aResumedCopyKnowsWhatLiesBelowItsOffsetAndCopiesWindowByWindow() {
        List<long[]> r = List.of(new long[]{0, 10}, new long[]{20, 30}, new long[]{50, 100});
        assertEquals(0, ExtentPlan.bytesBelow(r, 0));
        assertEquals(5, ExtentPlan.bytesBelow(r, 5));
        assertEquals(10, ExtentPlan.bytesBelow(r, 15), "a hole adds nothing");
        assertEquals(15, ExtentPlan.bytesBelow(r, 25));
        assertEquals(70, ExtentPlan.bytesBelow(r, 1000));

        assertArrayEquals(new long[]{0, 10, 10}, ExtentPlan.window(r, 0, 10), "exactly one range");
        assertArrayEquals(new long[]{0, 25, 15}, ExtentPlan.window(r, 0, 15), "the hole between is inside the window");
        assertArrayEquals(new long[]{25, 60, 15}, ExtentPlan.window(r, 25, 15));
        assertArrayEquals(new long[]{20, 30, 10}, ExtentPlan.window(r, 12, 10), "from a hole: the next range");
        assertArrayEquals(new long[]{60, 100, 40}, ExtentPlan.window(r, 60, 1000), "the rest");
        assertNull(ExtentPlan.window(r, 100, 10), "nothing planned at or past the end");
        assertNull(ExtentPlan.window(List.of(), 0, 10));

        // the windows of a whole copy cover every planned byte once
        long pos = 0;
        long sum = 0;
        for (long[] w; (w = ExtentPlan.window(r, pos, 7)) != null; pos = w[1]) {
            assertTrue(w[2] <= 7 && w[0] >= pos && w[1] > w[0]);
            sum += w[2];
        }
        assertEquals(ExtentPlan.bytes(r), sum);
    }
}
