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

        long M = ExtentPlan.WINDOW_ALIGN;
        List<long[]> w = List.of(new long[]{0, 10 * M}, new long[]{20 * M, 30 * M}, new long[]{50 * M, 100 * M});
        assertArrayEquals(new long[]{0, 10 * M, 10 * M}, ExtentPlan.window(w, 0, 10 * M), "exactly one range");
        assertArrayEquals(new long[]{0, 25 * M, 15 * M}, ExtentPlan.window(w, 0, 15 * M), "the hole is in the window");
        assertArrayEquals(new long[]{25 * M, 60 * M, 15 * M}, ExtentPlan.window(w, 25 * M, 15 * M));
        assertArrayEquals(new long[]{20 * M, 30 * M, 10 * M}, ExtentPlan.window(w, 12 * M, 10 * M), "from a hole");
        assertArrayEquals(new long[]{60 * M, 100 * M, 40 * M}, ExtentPlan.window(w, 60 * M, 1000 * M), "the rest");
        assertNull(ExtentPlan.window(w, 100 * M, 10 * M), "nothing planned at or past the end");
        assertNull(ExtentPlan.window(List.of(), 0, 10));
        // a split inside a range falls on an aligned offset (qemu's raw driver wants whole sectors)
        assertArrayEquals(new long[]{0, 3 * M, 3 * M}, ExtentPlan.window(w, 0, 3 * M + 12345));
        assertArrayEquals(new long[]{50 * M, 51 * M, M}, ExtentPlan.window(w, 50 * M, 100), "at least one aligned block");
        List<long[]> odd = List.of(new long[]{512, 3 * M + 1024});
        assertArrayEquals(new long[]{512, M, M - 512}, ExtentPlan.window(odd, 0, 1000));
        assertArrayEquals(new long[]{M, 3 * M + 1024, 2 * M + 1024}, ExtentPlan.window(odd, M, 10 * M));

        // the windows of a whole copy cover every planned byte once
        long pos = 0;
        long sum = 0;
        for (long[] x; (x = ExtentPlan.window(w, pos, 7 * M + 999)) != null; pos = x[1]) {
            assertTrue(x[2] <= 8 * M && x[0] >= pos && x[1] > x[0] && x[1] % M == 0, java.util.Arrays.toString(x));
            sum += x[2];
        }
        assertEquals(ExtentPlan.bytes(w), sum);
    }
}
