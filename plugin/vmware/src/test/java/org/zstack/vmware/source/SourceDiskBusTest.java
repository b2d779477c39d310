package org.zstack.vmware.source;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The bus of an ESX disk, from its controller's vSphere type: what the convert command tells virt-v2v. */
class SourceDiskBusTest {
    @Test
    void everyControllerTypeHasItsBus() {
        assertEquals("ide", SourceDiskBus.of("VirtualIDEController"));
        assertEquals("sata", SourceDiskBus.of("VirtualAHCIController"));
        assertEquals("sata", SourceDiskBus.of("VirtualSATAController"));
        for (String scsi : new String[]{"ParaVirtualSCSIController", "VirtualLsiLogicController",
                "VirtualLsiLogicSASController", "VirtualBusLogicController"}) {
            assertEquals("scsi", SourceDiskBus.of(scsi), scsi);
        }
    }

    @Test
    void anUnknownControllerIsLeftToTheConversionsDefault() {
        assertNull(SourceDiskBus.of(null), "synced before the controller type was stored");
        assertNull(SourceDiskBus.of("VirtualNVMEController"));
    }
}
