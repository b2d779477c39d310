package org.zstack.v2v.agent.source.kvm;

import java.util.ArrayList;
import java.util.List;

/** A domain of the source libvirt as the node sees it; field names are the wire format (PROTOCOL.md, "KVM source"). */
public class KvmDomain {
    public String uuid;
    public String name;
    /** running, paused, shutoff or other: see {@link SourceDomainStates} */
    public String state;
    public int cpuNum;
    /** bytes: the domain's maximum memory, what the target VM is given */
    public long memorySize;
    /** bios or uefi, never unknown: the target VM boots one way or the other */
    public String firmware;
    public String machine;
    /** the boot disk first, numbered 0..n-1: index 0 becomes the root volume */
    public List<KvmDisk> disks = new ArrayList<>();
    public List<KvmNic> nics = new ArrayList<>();
    /** every disk on virtio and every NIC virtio: the guest already has the drivers the target uses */
    public boolean virtioReady;

    /** The disks that cannot be migrated; empty when all can. */
    public List<KvmDisk> unsupportedDisks() {
        return disks.stream().filter(d -> !d.supported).toList();
    }
}
