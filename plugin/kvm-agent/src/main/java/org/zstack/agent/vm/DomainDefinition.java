package org.zstack.agent.vm;

import java.util.List;

/**
 * A VM as libvirt will get it: every field validated and every host-specific choice (bridge, firmware, cache
 * mode) already resolved, so that turning it into XML ({@link DomainXmlBuilder}) is pure and testable anywhere.
 *
 * @param name          the domain's name (the vmUuid as the node sent it)
 * @param uuid          the same uuid in libvirt's 8-4-4-4-12 form
 * @param title         the VM's display name; null for none
 * @param domainType    "kvm" or "qemu"
 * @param machine       "pc" or "q35"
 * @param memoryKiB     memory in KiB, libvirt's unit
 * @param firmware      the UEFI firmware; null boots with the BIOS
 * @param disks         in deviceId order; the first is the root volume, booted from
 * @param serialLogPath where the serial console is logged; null for nowhere
 */
public record DomainDefinition(String name, String uuid, String title, String domainType, String machine,
                               long memoryKiB, int cpus, UefiFirmware firmware, List<Disk> disks, List<Nic> nics,
                               String serialLogPath) {
    public DomainDefinition {
        disks = List.copyOf(disks);
        nics = List.copyOf(nics);
    }

    /**
     * @param cache  "none" or "writeback", see {@link DiskCachePolicy}
     * @param serial shown to the guest as the disk's serial (virtio-blk keeps the first 20 characters); may be null
     * @param boot   the disk the firmware boots from
     */
    public record Disk(String dev, String path, String format, String cache, String serial, boolean boot) {
    }

    public record Nic(String mac, String bridge, String model) {
    }

    /**
     * @param code         the read-only firmware image
     * @param varsTemplate the variable store every VM's own NVRAM file starts as a copy of
     * @param nvram        this VM's NVRAM file
     * @param secureBoot   the code is OVMF's secure-boot build (it needs SMM) and the template has keys enrolled
     */
    public record UefiFirmware(String code, String varsTemplate, String nvram, boolean secureBoot) {
    }
}
