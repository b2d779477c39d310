package org.zstack.kvm;

import jakarta.persistence.*;
import org.zstack.header.host.HostVO;

/**
 * The KVM columns of a host. The SSH password and key, and the agent secret both sides sign their calls with, are
 * encrypted by the node's EncryptionFacade.
 */
@Entity
@Table(name = "KVMHostVO")
@PrimaryKeyJoinColumn(name = "uuid", referencedColumnName = "uuid")
public class KVMHostVO extends HostVO {
    @Column
    private String username;
    @Column
    private String password;
    @Column
    private String sshPrivateKey;
    @Column
    private int sshPort;
    @Column
    private String agentSecret;
    @Column
    private String libvirtVersion;
    @Column
    private String qemuVersion;
    @Column
    private String cpuModelName;
    @Column
    private String osDistribution;
    @Column
    private String osVersion;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getSshPrivateKey() { return sshPrivateKey; }
    public void setSshPrivateKey(String sshPrivateKey) { this.sshPrivateKey = sshPrivateKey; }
    public String getAgentSecret() { return agentSecret; }
    public void setAgentSecret(String agentSecret) { this.agentSecret = agentSecret; }
    public int getSshPort() { return sshPort; }
    public void setSshPort(int sshPort) { this.sshPort = sshPort; }
    public String getLibvirtVersion() { return libvirtVersion; }
    public void setLibvirtVersion(String libvirtVersion) { this.libvirtVersion = libvirtVersion; }
    public String getQemuVersion() { return qemuVersion; }
    public void setQemuVersion(String qemuVersion) { this.qemuVersion = qemuVersion; }
    public String getCpuModelName() { return cpuModelName; }
    public void setCpuModelName(String cpuModelName) { this.cpuModelName = cpuModelName; }
    public String getOsDistribution() { return osDistribution; }
    public void setOsDistribution(String osDistribution) { this.osDistribution = osDistribution; }
    public String getOsVersion() { return osVersion; }
    public void setOsVersion(String osVersion) { this.osVersion = osVersion; }
}
