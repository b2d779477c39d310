package org.zstack.vmware.source;

import org.zstack.vmware.VCenterVolumeVO;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The order of a VM's disks in a migration: the disk it boots from first (it becomes the root volume on the
 * target), then the others. The boot disk is the one vSphere's boot order names, when known; else the first disk
 * on the first controller (lowest controller key, then unit number), which is where a BIOS looks first.
 */
final class SourceDiskOrder {
    private SourceDiskOrder() {
    }

    static List<VCenterVolumeVO> order(List<VCenterVolumeVO> disks, Integer bootDiskKey) {
        Comparator<VCenterVolumeVO> byPlace = Comparator
                .comparing(VCenterVolumeVO::getControllerKey, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(VCenterVolumeVO::getUnitNumber, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(VCenterVolumeVO::getDeviceKey);
        Comparator<VCenterVolumeVO> bootFirst = Comparator.comparing(v -> !Objects.equals(bootDiskKey, v.getDeviceKey()));
        List<VCenterVolumeVO> ret = new ArrayList<>(disks);
        ret.sort(bootFirst.thenComparing(byPlace));
        return ret;
    }
}
