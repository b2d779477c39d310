package org.zstack.vmware.source;

import org.zstack.core.db.Q;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.v2v.source.SourceVm;
import org.zstack.vmware.VCenterVmInstanceVO;
import org.zstack.vmware.VCenterVmInstanceVO_;
import org.zstack.vmware.VCenterVmNicVO;
import org.zstack.vmware.VCenterVolumeVO;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.zstack.core.Platform.err;

/**
 * A vCenter VM as a migration sees it, from what the last sync stored (no call to the vCenter): the VM instance
 * uuid of the node, or the VM's vSphere instance uuid, names it.
 */
class SourceVmFinder {
    SourceVm find(String ref) {
        VCenterVmInstanceVO vo = load(ref);
        SourceVm vm = new SourceVm();
        vm.uuid = vo.getUuid();
        vm.externalId = vo.getInstanceUuid();
        vm.sourceUuid = vo.getVCenterUuid();
        vm.name = vo.getName();
        vm.cpuNum = vo.getCpuNum() == null ? 0 : vo.getCpuNum();
        vm.memorySize = vo.getMemorySize() == null ? 0 : vo.getMemorySize();
        vm.platform = GuestPlatform.of(vo.getGuestId(), vo.getGuestFullName(), vo.getDescription());
        vm.guestOsType = vo.getGuestOsType();
        vm.bootMode = GuestPlatform.bootMode(vo.getFirmware());
        vm.secureBoot = vo.isSecureBoot();
        vm.powerState = vo.getState() == null ? null : vo.getState().toString();

        List<VCenterVolumeVO> volumes = Q.New(VCenterVolumeVO.class).eq("vmInstanceUuid", vo.getUuid()).list();
        // the disk vSphere boots from is the root; without a boot order, the first disk on the first controller
        int index = 0;
        for (VCenterVolumeVO v : SourceDiskOrder.order(volumes, vo.getBootDiskKey())) {
            SourceVm.Disk d = new SourceVm.Disk();
            d.index = index++;
            d.name = v.getName();
            d.capacity = v.getSize() == null ? 0 : v.getSize();
            d.volumeUuid = v.getUuid();
            d.deviceKey = String.valueOf(v.getDeviceKey());
            d.bus = SourceDiskBus.of(v.getControllerType());
            vm.disks.add(d);
        }

        List<VCenterVmNicVO> nics = Q.New(VCenterVmNicVO.class).eq("vmInstanceUuid", vo.getUuid()).list();
        nics.sort(Comparator.comparing(VCenterVmNicVO::getDeviceId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(VCenterVmNicVO::getDeviceKey));
        for (VCenterVmNicVO n : nics) {
            SourceVm.Nic nic = new SourceVm.Nic();
            nic.deviceIndex = n.getDeviceId() == null ? vm.nics.size() : n.getDeviceId();
            nic.mac = n.getMac();
            nic.networkName = n.getNetworkName();
            nic.networkUuid = n.getNetworkUuid();
            vm.nics.add(nic);
        }
        return vm;
    }

    /** The synced VM named by ref; a clear error when there is none. */
    VCenterVmInstanceVO load(String ref) {
        String r = ref == null ? "" : ref.trim();
        if (r.isEmpty()) {
            throw new OperationFailureException(err(VmwareSourceErrors.VM_NOT_FOUND, "no VMware VM named: the url has no VM uuid after vmware://"));
        }
        VCenterVmInstanceVO vo = Q.New(VCenterVmInstanceVO.class).eq("uuid", r).find();
        if (vo != null) {
            return vo;
        }
        List<VCenterVmInstanceVO> byInstanceUuid = Q.New(VCenterVmInstanceVO.class)
                .eq(VCenterVmInstanceVO_.instanceUuid, r.toLowerCase(Locale.ROOT)).list();
        if (byInstanceUuid.isEmpty() && !r.equals(r.toLowerCase(Locale.ROOT))) {
            byInstanceUuid = Q.New(VCenterVmInstanceVO.class).eq(VCenterVmInstanceVO_.instanceUuid, r).list();
        }
        if (byInstanceUuid.size() > 1) {
            // two vCenters may hold copies of one VM (a restored vCenter, a cross-vCenter clone)
            throw new OperationFailureException(err(VmwareSourceErrors.VM_NOT_FOUND,
                    "VMware VM instance uuid %s is in %d vCenters; name the VM by its uuid in this node instead", r, byInstanceUuid.size()));
        }
        if (byInstanceUuid.isEmpty()) {
            throw new OperationFailureException(err(VmwareSourceErrors.VM_NOT_FOUND,
                    "no VMware VM %s: neither a VM instance uuid of a synced vCenter VM nor a VMware instance uuid; add or sync its vCenter", r));
        }
        return byInstanceUuid.get(0);
    }
}
