package org.zstack.header.vm;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

/**
 * A NIC of a VM instance. l3NetworkUuid is null for a NIC the node only knows about (an ESX VM's NIC is on a
 * vSphere portgroup, not on an L3 network of this cloud); a subclass keeps what its hypervisor says of the network.
 */
@Entity
@Table(name = "VmNicVO")
@Inheritance(strategy = InheritanceType.JOINED)
public class VmNicVO extends ResourceVO {
    @Column
    private String vmInstanceUuid;
    @Column
    private String l3NetworkUuid;
    @Column
    private String mac;
    @Column
    private Integer deviceId;
    @Column
    private String driverType;
    @Column
    private String hypervisorType;
    /** The NIC's address in its L3 network, as ZStack's VmNicVO keeps it (its UsedIpVO has the same); null for none. */
    @Column
    private String ip;
    @Column
    private String netmask;
    @Column
    private String gateway;

    /** The name of the network the NIC is on at its source hypervisor (a portgroup of a vCenter), or null. */
    public String sourceNetworkName() {
        return null;
    }

    /** What kind of source network that is (for a vCenter: Standard or Distributed), or null. */
    public String sourceNetworkType() {
        return null;
    }

    public String getVmInstanceUuid() { return vmInstanceUuid; }
    public void setVmInstanceUuid(String vmInstanceUuid) { this.vmInstanceUuid = vmInstanceUuid; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getMac() { return mac; }
    public void setMac(String mac) { this.mac = mac; }
    public Integer getDeviceId() { return deviceId; }
    public void setDeviceId(Integer deviceId) { this.deviceId = deviceId; }
    public String getDriverType() { return driverType; }
    public void setDriverType(String driverType) { this.driverType = driverType; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public String getNetmask() { return netmask; }
    public void setNetmask(String netmask) { this.netmask = netmask; }
    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
}
