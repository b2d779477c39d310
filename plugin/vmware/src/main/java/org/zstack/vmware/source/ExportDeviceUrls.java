package org.zstack.vmware.source;

import com.vmware.vim25.HttpNfcLeaseDeviceUrl;
import com.vmware.vim25.VirtualController;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDisk;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.v2v.source.SourceVm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.zstack.core.Platform.err;

/**
 * Which export URL serves which disk. vSphere names each device URL by the disk's place, not its device key:
 * {@code /vm-42/ParaVirtualSCSIController0:1} is unit 1 on the paravirtual SCSI controller of bus 0. The VM's
 * controllers (type and bus) and disks (controller and unit) turn that place into the disk's device key, and the
 * device key into the migration's disk index. A URL or a disk left over means the VM changed since the last sync:
 * an error, never a guess that could swap a data disk for the root disk.
 */
final class ExportDeviceUrls {
    private static final Pattern SLOT = Pattern.compile("^(.*?)(\\d+):(\\d+)$");

    /** A disk's place: the controller's vSphere type and bus, and the unit on it. */
    record Slot(String controllerType, int bus, int unit) {
        /** The place a device URL key names; null when the key is not of that form. */
        static Slot of(String key) {
            if (key == null) {
                return null;
            }
            Matcher m = SLOT.matcher(key.substring(key.lastIndexOf('/') + 1));
            if (!m.matches() || m.group(1).isEmpty()) {
                return null;
            }
            return new Slot(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
    }

    private ExportDeviceUrls() {
    }

    static List<PreparedSource.DiskRead> diskReads(HttpNfcLeaseDeviceUrl[] urls, LiveVm live, SourceVm vm,
                                                   String vCenterAuthority, String vCenterThumbprint) {
        Map<String, SourceVm.Disk> byDeviceKey = new HashMap<>();
        vm.disks.forEach(d -> byDeviceKey.put(d.deviceKey, d));
        List<PreparedSource.DiskRead> ret = new ArrayList<>();
        for (HttpNfcLeaseDeviceUrl u : urls) {
            if (Boolean.FALSE.equals(u.getDisk())) {
                // NVRAM and other files of the VM: not disks
                continue;
            }
            Slot slot = Slot.of(u.getKey());
            VirtualDisk disk = slot == null ? null : diskAt(live, slot);
            if (disk == null) {
                throw new OperationFailureException(err(VmwareSourceErrors.EXPORT_FAILED,
                        "the export of VM %s offers a disk at %s, which is no disk of the VM; sync its vCenter and retry", vm.name, u.getKey()));
            }
            SourceVm.Disk d = byDeviceKey.remove(String.valueOf(disk.getKey()));
            if (d == null) {
                throw new OperationFailureException(err(VmwareSourceErrors.EXPORT_FAILED,
                        "VM %s has a disk (device key %d at %s) that the last sync did not see; sync its vCenter and retry",
                        vm.name, disk.getKey(), u.getKey()));
            }
            PreparedSource.DiskRead r = new PreparedSource.DiskRead();
            r.index = d.index;
            r.url = withHost(u.getUrl(), vCenterAuthority);
            r.sslThumbprint = u.getSslThumbprint() != null && !u.getSslThumbprint().isBlank() ? u.getSslThumbprint() : vCenterThumbprint;
            r.capacity = LiveVm.capacity(disk);
            ret.add(r);
        }
        if (!byDeviceKey.isEmpty()) {
            throw new OperationFailureException(err(VmwareSourceErrors.EXPORT_FAILED,
                    "the export of VM %s offers no URL for its disk(s) %s; sync its vCenter and retry", vm.name,
                    byDeviceKey.values().stream().map(d -> d.name + " (device key " + d.deviceKey + ")").sorted().toList()));
        }
        ret.sort(Comparator.comparingInt(r -> r.index));
        return ret;
    }

    private static VirtualDisk diskAt(LiveVm live, Slot slot) {
        VirtualController controller = null;
        for (VirtualDevice d : live.devices()) {
            if (d instanceof VirtualController c && c.getBusNumber() == slot.bus() && c.getClass().getSimpleName().equals(slot.controllerType())) {
                controller = c;
            }
        }
        if (controller == null) {
            return null;
        }
        for (VirtualDevice d : live.devices()) {
            if (d instanceof VirtualDisk disk && disk.getControllerKey() != null && disk.getControllerKey() == controller.getKey()
                    && disk.getUnitNumber() != null && disk.getUnitNumber() == slot.unit()) {
                return disk;
            }
        }
        return null;
    }

    /**
     * An ESXi host answers {@code https://*}/nfc/...: "the host you reached me at". Behind a vCenter that is the
     * vCenter's address, which the conversion host can reach (it may not reach the ESXi host's own name).
     */
    static String withHost(String url, String authority) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int hostStart = scheme + 3;
        int pathStart = url.indexOf('/', hostStart);
        String host = pathStart < 0 ? url.substring(hostStart) : url.substring(hostStart, pathStart);
        String rest = pathStart < 0 ? "" : url.substring(pathStart);
        if (host.equals("*")) {
            return url.substring(0, hostStart) + authority + rest;
        }
        if (host.startsWith("*:")) {
            // the URL's own port: the service behind it (NFC on 443, not the vCenter's SDK port)
            return url.substring(0, hostStart) + hostOf(authority) + host.substring(1) + rest;
        }
        return url;
    }

    private static String hostOf(String authority) {
        if (authority.startsWith("[")) {
            return authority.substring(0, authority.indexOf(']') + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }
}
