package org.zstack.vmware.source;

import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualDiskFlatVer2BackingInfo;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.v2v.source.SourceVm;
import org.zstack.vmware.VCenterVO;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.zstack.core.Platform.err;

/**
 * Reading a VM's disks as their flat files over the vCenter's datastore HTTPS ({@code /folder}, with Range and the
 * reading session's cookie): the online read of a snapshot's base files, and the cold read when
 * v2v.vmware.coldReadPath is datastore. Only a flat disk without snapshots is one such file; any other is read
 * through an export, which assembles it.
 */
final class DatastoreDiskReads {
    private DatastoreDiskReads() {
    }

    /**
     * Why a disk of the VM is not one flat file readable over the datastore HTTPS ("Hard disk 2 has snapshots"), or
     * null when every disk is.
     */
    static String whyNotFlat(LiveVm live) {
        for (VirtualDevice d : live.devices()) {
            if (!(d instanceof VirtualDisk disk)) {
                continue;
            }
            String label = disk.getDeviceInfo() == null ? "disk " + disk.getKey() : disk.getDeviceInfo().getLabel();
            if (!(disk.getBacking() instanceof VirtualDiskFlatVer2BackingInfo b)) {
                return String.format("%s is a %s disk", label,
                        disk.getBacking() == null ? "backing-less" : disk.getBacking().getClass().getSimpleName());
            }
            if (b.getParent() != null) {
                return label + " has snapshots";
            }
        }
        return null;
    }

    /**
     * How the conversion host reads each disk: its base file at the vCenter with the reading session's cookie.
     * live is the VM after our snapshot (its disks then point at the new delta files, whose parents are the bases),
     * or a VM that is off and has no snapshot (its disks are the bases).
     */
    static List<PreparedSource.DiskRead> diskReads(VCenterVO vc, LiveVm live, SourceVm vm, String datacenterPath, String cookie) {
        List<PreparedSource.DiskRead> ret = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (SourceVm.Disk d : vm.disks) {
            int key = Integer.parseInt(d.deviceKey);
            VirtualDisk disk = live.disk(key);
            if (disk == null || !(disk.getBacking() instanceof VirtualDiskFlatVer2BackingInfo backing)) {
                throw new OperationFailureException(err(VmwareSourceErrors.DISKS_NOT_READABLE,
                        "VM %s no longer has its disk %s (device key %s); sync its vCenter and retry", vm.name, d.name, d.deviceKey));
            }
            seen.add(key);
            VirtualDiskFlatVer2BackingInfo base = backing.getParent() != null ? backing.getParent() : backing;
            DatastoreFile file = DatastoreFile.parse(base.getFileName());
            if (file == null) {
                throw new OperationFailureException(err(VmwareSourceErrors.DISKS_NOT_READABLE,
                        "disk %s of VM %s is at %s, not in a datastore", d.name, vm.name, base.getFileName()));
            }
            PreparedSource.DiskRead r = new PreparedSource.DiskRead();
            r.index = d.index;
            r.url = file.flatExtent().url(VCenterAddress.authority(vc), datacenterPath);
            r.headers.put("Cookie", cookie);
            r.sslThumbprint = vc.getThumbprint();
            r.capacity = LiveVm.capacity(disk);
            ret.add(r);
        }
        for (VirtualDevice dev : live.devices()) {
            if (dev instanceof VirtualDisk disk && !seen.contains(disk.getKey())) {
                throw new OperationFailureException(err(VmwareSourceErrors.DISKS_NOT_READABLE,
                        "VM %s has a disk (device key %d) that the last sync did not see; sync its vCenter and retry", vm.name, disk.getKey()));
            }
        }
        return ret;
    }
}
