package org.zstack.v2v.source;

import java.util.ArrayList;
import java.util.List;

/** A VM of a source platform as the migration sees it; plain data, kept in the job's data as JSON. */
public class SourceVm {
    /** The management node's uuid of the source VM (VmInstanceVO of the synced platform). */
    public String uuid;
    /** The platform's own id (VMware instance uuid, libvirt domain uuid). */
    public String externalId;
    /** The source's own resource (vCenter uuid, KVM platform uuid) the VM belongs to. */
    public String sourceUuid;
    public String name;
    public int cpuNum;
    public long memorySize;
    /** Linux, Windows, Other: ZStack's platform names. */
    public String platform;
    public String guestOsType;
    /** BIOS or UEFI, never unknown. */
    public String bootMode = "BIOS";
    /** UEFI secure boot at the source: the target gets secure-boot firmware too. */
    public boolean secureBoot;
    /** Running, Stopped, Paused as ZStack says it. */
    public String powerState;
    /**
     * The source copies a VM only while it is stopped or paused (KVM): a Running one needs pauseVm. VMware reads a
     * running VM through a snapshot.
     */
    public boolean coldOnly;
    public List<Disk> disks = new ArrayList<>();
    public List<Nic> nics = new ArrayList<>();

    public static class Disk {
        /** 0 is the root (boot) disk, data disks 1..n. */
        public int index;
        public String name;
        public long capacity;
        /** The node's VolumeVO uuid of the source disk, if synced. */
        public String volumeUuid;
        /** The platform's id of the disk (VMware device key). */
        public String deviceKey;
        /**
         * The bus the source attaches it to, as libvirt names it: scsi, sata, ide or virtio; null when unknown (the
         * conversion then takes SCSI). It decides the device names virt-v2v rewrites in the guest's fstab and grub.
         */
        public String bus;
    }

    public static class Nic {
        public int deviceIndex;
        public String mac;
        /** The source network (port group) name and its node uuid, if synced. */
        public String networkName;
        public String networkUuid;
    }
}
