package org.zstack.sdk;

public class KVMHostInventory extends HostInventory {
    public String username;
    public Integer sshPort;
    public String libvirtVersion;
    public String qemuVersion;
    public String cpuModelName;
    public String osDistribution;
    public String osVersion;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Integer getSshPort() {
        return sshPort;
    }

    public void setSshPort(Integer sshPort) {
        this.sshPort = sshPort;
    }

    public String getLibvirtVersion() {
        return libvirtVersion;
    }

    public void setLibvirtVersion(String libvirtVersion) {
        this.libvirtVersion = libvirtVersion;
    }

    public String getQemuVersion() {
        return qemuVersion;
    }

    public void setQemuVersion(String qemuVersion) {
        this.qemuVersion = qemuVersion;
    }

    public String getCpuModelName() {
        return cpuModelName;
    }

    public void setCpuModelName(String cpuModelName) {
        this.cpuModelName = cpuModelName;
    }

    public String getOsDistribution() {
        return osDistribution;
    }

    public void setOsDistribution(String osDistribution) {
        this.osDistribution = osDistribution;
    }

    public String getOsVersion() {
        return osVersion;
    }

    public void setOsVersion(String osVersion) {
        this.osVersion = osVersion;
    }

}
