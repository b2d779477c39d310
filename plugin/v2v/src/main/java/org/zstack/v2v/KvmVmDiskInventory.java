package org.zstack.v2v;

/** One disk of a KVM source domain (cdroms and floppies are not listed). */
public class KvmVmDiskInventory {
    /** 0 is the boot disk, data disks 1..n. */
    private Integer index;
    /** The guest's device name, e.g. vda or sdb. */
    private String target;
    /** virtio, scsi, sata or ide. */
    private String bus;
    /** file, block, volume or network. */
    private String type;
    /** The file or device on the source host. */
    private String path;
    private String pool;
    private String volume;
    /** For network disks: rbd, iscsi, gluster, nbd... */
    private String protocol;
    /** qcow2, raw... */
    private String format;
    /** Virtual size, bytes. */
    private Long capacity;
    /** Bytes allocated on the source. */
    private Long allocation;
    /** It has a backing file (a qcow2 chain, flattened by the migration). */
    private Boolean backing;
    /** The migration can read it; else unsupportedReason says why. */
    private Boolean supported;
    private String unsupportedReason;

    public Integer getIndex() { return index; }
    public void setIndex(Integer index) { this.index = index; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getBus() { return bus; }
    public void setBus(String bus) { this.bus = bus; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getPool() { return pool; }
    public void setPool(String pool) { this.pool = pool; }
    public String getVolume() { return volume; }
    public void setVolume(String volume) { this.volume = volume; }
    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public Long getCapacity() { return capacity; }
    public void setCapacity(Long capacity) { this.capacity = capacity; }
    public Long getAllocation() { return allocation; }
    public void setAllocation(Long allocation) { this.allocation = allocation; }
    public Boolean getBacking() { return backing; }
    public void setBacking(Boolean backing) { this.backing = backing; }
    public Boolean getSupported() { return supported; }
    public void setSupported(Boolean supported) { this.supported = supported; }
    public String getUnsupportedReason() { return unsupportedReason; }
    public void setUnsupportedReason(String unsupportedReason) { this.unsupportedReason = unsupportedReason; }
}
