package org.zstack.v2v.agent.transfer;

import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class NbdExtentsTest {
    static final long MiB = 1 << 20;

    @Test
    void dataEntriesAreTheExtentsAndTheLastEntryEndsTheImage() {
        // as qemu-img map answers over NBD for a qcow2 overlay on a base: holes read as zeroes
        String json = """
                [{ "start": 0, "length": 8388608, "depth": 0, "present": true, "zero": false, "data": true, "offset": 0},
                { "start": 8388608, "length": 8388608, "depth": 0, "present": true, "zero": true, "data": false, "offset": 8388608},
                { "start": 16777216, "length": 4194304, "depth": 0, "present": true, "zero": false, "data": true, "offset": 16777216},
                { "start": 20971520, "length": 4194304, "depth": 0, "present": true, "zero": false, "data": true, "offset": 20971520},
                { "start": 25165824, "length": 41943040, "depth": 0, "present": true, "zero": true, "data": false, "offset": 25165824}]
                """;
        NbdExtents e = NbdExtents.parse(json);
        assertEquals(64 * MiB, e.size());
        assertEquals(2, e.data().size(), "touching data entries merge");
        assertArrayEquals(new long[]{0, 8 * MiB}, e.data().get(0));
        assertArrayEquals(new long[]{16 * MiB, 24 * MiB}, e.data().get(1));
        assertEquals(16 * MiB, e.dataBytes());
    }

    @Test
    void anImageWithoutDataReadsNothing() {
        NbdExtents e = NbdExtents.parse("""
                [{ "start": 0, "length": 1073741824, "depth": 0, "present": false, "zero": true, "data": false}]""");
        assertEquals(List.of(), e.data());
        assertEquals(0, e.dataBytes());
        assertEquals(1L << 30, e.size());
    }

    @Test
    void somethingElseThanAMapIsAClearError() {
        assertThrows(AgentException.class, () -> NbdExtents.parse("qemu-img: Could not open"));
    }

    @Test
    void qemuImgProgressTakesTheLastFigure() {
        assertEquals(0, QemuImgProgress.lastFraction(""));
        assertEquals(0.125, QemuImgProgress.lastFraction("    (0.00/100%)\r    (12.50/100%)\r"), 1e-9);
        assertEquals(1.0, QemuImgProgress.lastFraction("    (99.01/100%)\r    (100.00/100%)\r\n"), 1e-9);
        assertEquals(0.5, QemuImgProgress.lastFraction("x".repeat(5000) + "    (50.00/100%)\r    (50"), 1e-9);
    }

    @Test
    void eachDiskGetsItsShareOfTheJobsBandwidth() {
        assertNull(new TransferContext(null, null, null, null, 2, null, null, null, 0).bandwidthPerDisk());
        assertEquals(50L * MiB, new TransferContext(null, null, null, 100 * MiB, 2, null, null, null, 0).bandwidthPerDisk());
        assertEquals(100L * MiB, new TransferContext(null, null, null, 100 * MiB, 1, null, null, null, 0).bandwidthPerDisk());
    }
}
