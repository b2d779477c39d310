package org.zstack.v2v.agent.source.kvm;

/** One disk (device='disk') of a source domain. */
public class KvmDisk {
    public int index;
    /** the guest's device name, vda, sdb ...: also the name libvirt's blockInfo takes */
    public String target;
    public String bus;
    /** file, block, volume or network: libvirt's disk type */
    public String type;
    /** the file or device on the source host; for a volume, the path its pool gives it */
    public String path;
    public String pool;
    public String volume;
    /** for network disks: rbd, iscsi, gluster, nbd ... */
    public String protocol;
    /** qcow2, raw ...: the driver's type */
    public String format;
    /** virtual size, bytes; 0 when libvirt could not tell */
    public long capacity;
    /** bytes allocated on the source */
    public long allocation;
    /** has a backing chain: the copy must read through it, not just the top file */
    public boolean backing;
    public boolean supported = true;
    public String unsupportedReason;

    void unsupported(String reason) {
        if (supported) {
            supported = false;
            unsupportedReason = reason;
        }
    }
}
