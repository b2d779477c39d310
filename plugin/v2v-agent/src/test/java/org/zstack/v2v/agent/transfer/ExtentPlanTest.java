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
}
