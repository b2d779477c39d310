package org.zstack.v2v.agent.transfer;

import org.zstack.agent.AgentException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The byte ranges of a disk to read: the whole disk, or the source's allocated extents sorted, clipped to the
 * capacity and merged where the gap between two is small. One more request costs a round trip (and on ESXi a
 * datastore lookup); reading a short gap of zeroes is cheaper, and its zero blocks are still not written.
 */
final class ExtentPlan {
    /**
     * Gaps up to this are read rather than skipped: changed-block tracking reports 64 KiB blocks, and a fragmented
     * guest file system gives thousands of extents a few blocks apart. At 100 MB/s, 256 KiB take about as long
     * as one request's round trip to an ESXi host.
     */
    static final long MERGE_GAP = 256 << 10;

    private ExtentPlan() {
    }

    /** @return ranges as {@code {start, end}} (end exclusive), ascending, disjoint */
    static List<long[]> ranges(long capacity, List<long[]> extents) {
        if (extents == null) {
            return capacity == 0 ? List.of() : List.of(new long[]{0, capacity});
        }
        List<long[]> sorted = new ArrayList<>();
        for (long[] e : extents) {
            if (e == null || e.length != 2 || e[0] < 0 || e[1] < 0) {
                throw new AgentException("an extent is [offset, length] with both >= 0");
            }
            long end = Math.min(capacity, e[0] + e[1]);
            if (end > e[0]) {
                sorted.add(new long[]{e[0], end});
            }
        }
        sorted.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] - last[1] <= MERGE_GAP) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    /** The bytes of {@code ranges} below disk offset {@code offset}: what a copy resumed there does not read again. */
    static long bytesBelow(List<long[]> ranges, long offset) {
        long sum = 0;
        for (long[] r : ranges) {
            sum += Math.max(0, Math.min(r[1], offset) - r[0]);
        }
        return sum;
    }

    /** Where a window may split a range: a multiple of qemu's sector, and of every file system's block. */
    static final long WINDOW_ALIGN = 1 << 20;

    /**
     * The next piece of a sequential copy of {@code ranges}: it starts at the first planned byte at or above
     * {@code from} and ends where about {@code maxBytes} planned bytes are reached (or the plan ends), the holes between
     * ranges included; where it splits a range, on a {@link #WINDOW_ALIGN} boundary. Null when nothing is planned at or above {@code from}.
     *
     * @return {@code {start, end, plannedBytes}}
     */
    static long[] window(List<long[]> ranges, long from, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a window holds at least one byte");
        }
        long start = -1;
        long end = -1;
        long bytes = 0;
        for (long[] r : ranges) {
            if (r[1] <= from) {
                continue;
            }
            long s = Math.max(r[0], from);
            if (start < 0) {
                start = s;
            }
            long take = Math.min(r[1] - s, maxBytes - bytes);
            end = s + take;
            if (end < r[1]) {
                // a window ends inside a range only on a WINDOW_ALIGN boundary: qemu's raw driver takes offsets and
                // sizes in whole sectors, and the next window starts here
                end = Math.max(end / WINDOW_ALIGN * WINDOW_ALIGN, Math.min(r[1], (s / WINDOW_ALIGN + 1) * WINDOW_ALIGN));
            }
            bytes += end - s;
            if (end < r[1] || bytes >= maxBytes) {
                break;
            }
        }
        return start < 0 ? null : new long[]{start, end, bytes};
    }

    static long bytes(List<long[]> ranges) {
        long sum = 0;
        for (long[] r : ranges) {
            sum += r[1] - r[0];
        }
        return sum;
    }
}
