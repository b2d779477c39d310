package org.zstack.kvm;

import org.zstack.header.host.HostInventory;

/** Never carries the SSH password or key. */
public class KVMHostInventory extends HostInventory {
    private String username;
    private Integer sshPort;
    private String libvirtVersion;
    private String qemuVersion;
    private String cpuModelName;
    private String osDistribution;
    private String osVersion;

    public static KVMHostInventory valueOf(KVMHostVO vo) {
        KVMHostInventory inv = new KVMHostInventory();
        inv.fill(vo);
        inv.username = vo.getUsername();
        inv.sshPort = vo.getSshPort();
        inv.libvirtVersion = vo.getLibvirtVersion();
        inv.qemuVersion = vo.getQemuVersion();
        inv.cpuModelName = vo.getCpuModelName();
        inv.osDistribution = vo.getOsDistribution();
        inv.osVersion = vo.getOsVersion();
        return inv;
    }

    public String getLibvirtVersion() { return libvirtVersion; }
    public String getQemuVersion() { return qemuVersion; }
}
