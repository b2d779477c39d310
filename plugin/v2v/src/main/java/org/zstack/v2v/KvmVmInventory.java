package org.zstack.v2v;

import java.util.ArrayList;
import java.util.List;

/**
 * A libvirt domain of a KVM source host, as ListVMsFromKVMHost returns it: what the conversion host's agent read
 * over libvirt (the agent answers in these very fields).
 */
public class KvmVmInventory {
    /** The libvirt domain uuid: what the migration url names (kvm://&lt;libvirt URI&gt;#&lt;uuid&gt;). */
    private String uuid;
    private String name;
    /** running, paused, shutoff or other. */
    private String state;
    private Integer cpuNum;
    /** Bytes. */
    private Long memorySize;
    /** bios or uefi. */
    private String firmware;
    private String machine;
    /** Every disk on virtio-blk and every NIC virtio: no driver change is needed. */
    private Boolean virtioReady;
    /** Root (boot) disk first. */
    private List<KvmVmDiskInventory> disks = new ArrayList<>();
    private List<KvmVmNicInventory> nics = new ArrayList<>();

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public Integer getCpuNum() { return cpuNum; }
    public void setCpuNum(Integer cpuNum) { this.cpuNum = cpuNum; }
    public Long getMemorySize() { return memorySize; }
    public void setMemorySize(Long memorySize) { this.memorySize = memorySize; }
    public String getFirmware() { return firmware; }
    public void setFirmware(String firmware) { this.firmware = firmware; }
    public String getMachine() { return machine; }
    public void setMachine(String machine) { this.machine = machine; }
    public Boolean getVirtioReady() { return virtioReady; }
    public void setVirtioReady(Boolean virtioReady) { this.virtioReady = virtioReady; }
    public List<KvmVmDiskInventory> getDisks() { return disks; }
    public void setDisks(List<KvmVmDiskInventory> disks) { this.disks = disks; }
    public List<KvmVmNicInventory> getNics() { return nics; }
    public void setNics(List<KvmVmNicInventory> nics) { this.nics = nics; }
}
