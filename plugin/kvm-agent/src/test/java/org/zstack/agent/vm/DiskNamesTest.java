package org.zstack.agent.vm;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.*;

/** deviceId to the guest's disk name. */
class DiskNamesTest {
    @Test
    void virtioNamesFollowTheKernel() {
        assertEquals("vda", DiskNames.virtio(0));
        assertEquals("vdb", DiskNames.virtio(1));
        assertEquals("vdz", DiskNames.virtio(25));
        assertEquals("vdaa", DiskNames.virtio(26));
        assertEquals("vdaz", DiskNames.virtio(51));
        assertEquals("vdba", DiskNames.virtio(52));
        assertEquals("vdzz", DiskNames.virtio(701));
        assertEquals("vdaaa", DiskNames.virtio(702));
        assertThrows(IllegalArgumentException.class, () -> DiskNames.virtio(-1));
    }
}
