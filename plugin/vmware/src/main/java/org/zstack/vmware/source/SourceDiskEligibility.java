package org.zstack.vmware.source;

import org.zstack.header.errorcode.ErrorCode;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.source.SourceVm;
import org.zstack.vmware.VCenterVmInstanceVO;
import org.zstack.vmware.VCenterVolumeVO;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.zstack.core.Platform.err;

/**
 * Which vCenter VMs a migration refuses at submission, from what the last sync stored: the disks whose current
 * content neither an export nor a snapshot gives (independent and nonpersistent disks, raw device mappings,
 * multi-writer disks), an encrypted VM, and a CD/DVD image or floppy left connected. A refused data disk the user
 * skips is no reason to refuse; the root disk cannot be skipped, so its problems are to be fixed in vSphere.
 * Pure: the caller loads the records.
 */
final class SourceDiskEligibility {
    /** vSphere's disk modes whose writes are not in the disk's file chain as snapshots and exports read it. */
    private static final Set<String> NOT_DEPENDENT = Set.of("independent_persistent", "independent_nonpersistent",
            "nonpersistent", "undoable", "append");
    /** Backings that map a LUN or a host's disk rather than a file. */
    private static final Set<String> RAW_BACKINGS = Set.of("VirtualDiskRawDiskMappingVer1BackingInfo",
            "VirtualDiskRawDiskVer2BackingInfo", "VirtualDiskPartitionedRawDiskVer2BackingInfo");

    private SourceDiskEligibility() {
    }

    /**
     * @param disks   the VM's disks as the migration numbers them (index 0 the root), with their synced records
     * @param skipped the data disk indexes the user leaves out
     * @return why the VM cannot be migrated as asked, or null
     */
    static ErrorCode refusal(VCenterVmInstanceVO vm, List<SourceVm.Disk> disks, Map<String, VCenterVolumeVO> records,
                             Collection<Integer> skipped) {
        String who = "VM " + vm.getName();
        if (vm.isEncrypted()) {
            return err(V2VErrors.ENCRYPTED_VM, "%s is encrypted with vSphere VM Encryption: its disks (%s) are exported"
                            + " only in the clear; decrypt the VM in vSphere (Edit Settings > VM Options > Encryption), sync"
                            + " its vCenter and migrate it again", who,
                    String.join(", ", disks.stream().map(d -> d.name).toList()));
        }
        if (vm.getConnectedMedia() != null && !vm.getConnectedMedia().isBlank()) {
            return err(V2VErrors.MEDIA_CONNECTED, "%s has removable media connected (%s): the image is not migrated and"
                    + " an export would take it for a disk; disconnect it in vSphere (or remove it from the boot"
                    + " order), sync its vCenter and migrate the VM again", who, vm.getConnectedMedia());
        }
        for (SourceVm.Disk d : disks) {
            if (d.index != 0 && skipped.contains(d.index)) {
                continue;
            }
            VCenterVolumeVO v = records.get(d.volumeUuid);
            if (v == null) {
                continue;
            }
            ErrorCode e = refusal(who, d, v);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static ErrorCode refusal(String who, SourceVm.Disk d, VCenterVolumeVO v) {
        String disk = d.index == 0 ? String.format("%s's root disk %s", who, d.name)
                : String.format("%s's data disk %d (%s)", who, d.index, d.name);
        String remedy = d.index == 0 ? "the root disk cannot be skipped"
                : String.format("leave it out with skipDataDisks [%d] (volumeFilters for ConvertVmFromForeignHypervisor)", d.index);
        String backing = v.getBackingType();
        if (backing != null && RAW_BACKINGS.contains(backing)) {
            String mode = v.getCompatibilityMode() == null ? "" : v.getCompatibilityMode().toLowerCase(Locale.ROOT);
            String why = mode.startsWith("physical")
                    ? "a physical-mode RDM passes SCSI commands to its LUN, which vSphere neither snapshots nor exports"
                    : mode.startsWith("virtual")
                    ? "a virtual-mode RDM is exported as a copy of its whole LUN, and the LUN stays attached to other hosts"
                    : "a raw device of the host is no file that can be exported";
            return err(V2VErrors.RAW_DEVICE_MAPPING, "%s is a raw device mapping%s: %s; %s, and copy the LUN's data"
                    + " separately", disk, v.getCompatibilityMode() == null ? "" : " (" + v.getCompatibilityMode() + ")", why, remedy);
        }
        String mode = v.getDiskMode() == null ? "" : v.getDiskMode().toLowerCase(Locale.ROOT);
        if (NOT_DEPENDENT.contains(mode)) {
            String why = mode.equals("independent_persistent")
                    ? "vSphere leaves independent disks out of snapshots, so a running VM's copy of it would not be"
                    + " consistent with the other disks"
                    : "its writes are kept apart from the disk file and dropped at power-off, so no copy holds them";
            return err(V2VErrors.INDEPENDENT_DISK, "%s is in mode %s: %s; %s, or make it dependent (persistent) in"
                    + " vSphere and sync its vCenter", disk, v.getDiskMode(), why, remedy);
        }
        if ("sharingmultiwriter".equalsIgnoreCase(v.getSharing())) {
            return err(V2VErrors.SHARED_DISK, "%s is shared with multi-writer sharing: other VMs (a cluster) may write it"
                    + " while it is copied, and vSphere snapshots no shared disk; %s, and migrate the shared data with"
                    + " its cluster", disk, remedy);
        }
        return null;
    }
}
