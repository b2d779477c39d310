package org.zstack.v2v.source.kvm;

import org.junit.jupiter.api.Test;
import org.zstack.v2v.KvmVmDiskInventory;
import org.zstack.v2v.KvmVmInventory;
import org.zstack.v2v.source.SourceVm;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A KVM source disk keeps its libvirt target bus for the conversion; a bus virt-v2v does not take is left out. */
class KvmSourceDiskBusTest {
    private static KvmVmDiskInventory disk(int index, String target, String bus) {
        KvmVmDiskInventory d = new KvmVmDiskInventory();
        d.setIndex(index);
        d.setTarget(target);
        d.setBus(bus);
        d.setCapacity(1L << 30);
        return d;
    }

    @Test
    void theLibvirtBusGoesWithEachDisk() {
        KvmVmInventory vm = new KvmVmInventory();
        vm.setUuid("0f8fad5b-d9cb-469f-a165-70867728950e");
        vm.setName("vm1");
        vm.setDisks(List.of(disk(0, "hda", "ide"), disk(1, "sda", "SATA"), disk(2, "vdc", "virtio"), disk(3, "sdd", "usb")));
        SourceVm s = KvmMigrationSource.toSourceVm(LibvirtUri.parse("qemu+ssh://root@10.0.0.5/system"), vm);
        assertEquals("ide", s.disks.get(0).bus);
        assertEquals("sata", s.disks.get(1).bus);
        assertEquals("virtio", s.disks.get(2).bus);
        assertEquals(null, s.disks.get(3).bus);
    }
}
