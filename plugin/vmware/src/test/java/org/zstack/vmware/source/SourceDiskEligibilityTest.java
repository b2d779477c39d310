package org.zstack.vmware.source;

import org.junit.jupiter.api.Test;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.v2v.source.SourceVm;
import org.zstack.vmware.VCenterVmInstanceVO;
import org.zstack.vmware.VCenterVolumeVO;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The kinds of vSphere disks and devices a migration refuses at submission, and skipping a refused data disk. */
class SourceDiskEligibilityTest {
    private final VCenterVmInstanceVO vm = new VCenterVmInstanceVO();
    private final List<SourceVm.Disk> disks = new ArrayList<>();
    private final Map<String, VCenterVolumeVO> records = new HashMap<>();

    SourceDiskEligibilityTest() {
        vm.setName("db-01");
        disk("Hard disk 1");
        disk("Hard disk 2");
        disk("Hard disk 3");
    }

    private VCenterVolumeVO disk(String name) {
        SourceVm.Disk d = new SourceVm.Disk();
        d.index = disks.size();
        d.name = name;
        d.volumeUuid = "vol-" + d.index;
        disks.add(d);
        VCenterVolumeVO v = new VCenterVolumeVO();
        v.setUuid(d.volumeUuid);
        v.setDiskMode("persistent");
        v.setBackingType("VirtualDiskFlatVer2BackingInfo");
        v.setSharing("sharingNone");
        records.put(v.getUuid(), v);
        return v;
    }

    private ErrorCode check(Integer... skipped) {
        return SourceDiskEligibility.refusal(vm, disks, records, List.of(skipped));
    }

    @Test
    void plainDisksPass() {
        assertNull(check());
        // a disk the sync did not see (no record) is the finder's concern, not a refusal here
        records.remove("vol-2");
        assertNull(check());
    }

    @Test
    void independentDisksAreRefusedNamingTheDiskUnlessSkipped() {
        records.get("vol-1").setDiskMode("independent_persistent");
        ErrorCode e = check();
        assertEquals("V2V.1050", e.getCode());
        assertTrue(e.getDetails().startsWith("VM db-01's data disk 1 (Hard disk 2) is in mode independent_persistent:"), e.getDetails());
        assertTrue(e.getDetails().contains("skipDataDisks [1]"), e.getDetails());
        assertNull(check(1));

        records.get("vol-2").setDiskMode("independent_nonpersistent");
        assertTrue(check(1).getDetails().contains("data disk 2 (Hard disk 3) is in mode independent_nonpersistent: its writes"));
        assertNull(check(1, 2));
    }

    @Test
    void theRootDiskCannotBeSkipped() {
        records.get("vol-0").setDiskMode("independent_nonpersistent");
        ErrorCode e = check(0);
        assertEquals("V2V.1050", e.getCode());
        assertTrue(e.getDetails().contains("root disk Hard disk 1") && e.getDetails().contains("the root disk cannot be skipped"),
                e.getDetails());
    }

    @Test
    void rawDeviceMappingsInBothModes() {
        VCenterVolumeVO v = records.get("vol-2");
        v.setBackingType("VirtualDiskRawDiskMappingVer1BackingInfo");
        v.setCompatibilityMode("physicalMode");
        ErrorCode e = check();
        assertEquals("V2V.1051", e.getCode());
        assertTrue(e.getDetails().startsWith("VM db-01's data disk 2 (Hard disk 3) is a raw device mapping (physicalMode):"
                + " a physical-mode RDM"), e.getDetails());
        v.setCompatibilityMode("virtualMode");
        // an RDM's disk mode is often independent too: the RDM is the reason given
        v.setDiskMode("independent_persistent");
        assertTrue(check().getDetails().contains("(virtualMode): a virtual-mode RDM"), check().getDetails());
        assertNull(check(2));
    }

    @Test
    void multiWriterDisks() {
        records.get("vol-1").setSharing("sharingMultiWriter");
        ErrorCode e = check();
        assertEquals("V2V.1052", e.getCode());
        assertTrue(e.getDetails().startsWith("VM db-01's data disk 1 (Hard disk 2) is shared with multi-writer sharing"), e.getDetails());
        assertNull(check(1));
    }

    @Test
    void anEncryptedVmIsRefusedWhateverIsSkipped() {
        vm.setEncrypted(true);
        ErrorCode e = check(1, 2);
        assertEquals("V2V.1053", e.getCode());
        assertTrue(e.getDetails().startsWith("VM db-01 is encrypted with vSphere VM Encryption: its disks (Hard disk 1,"
                + " Hard disk 2, Hard disk 3)"), e.getDetails());
    }

    @Test
    void connectedMediaAreNamed() {
        vm.setConnectedMedia("CD/DVD drive 1: [DC0_DS0] iso/debian-12.iso; Floppy drive 1: [DC0_DS0] f.flp");
        ErrorCode e = check();
        assertEquals("V2V.1054", e.getCode());
        assertTrue(e.getDetails().startsWith("VM db-01 has removable media connected (CD/DVD drive 1: [DC0_DS0]"
                + " iso/debian-12.iso; Floppy drive 1: [DC0_DS0] f.flp)"), e.getDetails());
    }
}
