package org.zstack.header.vm;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = VmNicVO.class)
public class VmNicInventory {
    private String uuid;
    private String vmInstanceUuid;
    private String l3NetworkUuid;
    private String ip;
    private String mac;
    private String netmask;
    private String gateway;
    private Integer deviceId;
    private String driverType;
    private String hypervisorType;
    /** The network of the NIC at its source hypervisor (an ESX VM's portgroup); null for a NIC of this cloud. */
    private String sourceNetworkName;
    /** Standard or Distributed for a vCenter portgroup; null for a NIC of this cloud. */
    private String sourceNetworkType;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static VmNicInventory valueOf(VmNicVO vo) {
        VmNicInventory inv = new VmNicInventory();
        inv.uuid = vo.getUuid();
        inv.vmInstanceUuid = vo.getVmInstanceUuid();
        inv.l3NetworkUuid = vo.getL3NetworkUuid();
        inv.ip = vo.getIp();
        inv.mac = vo.getMac();
        inv.netmask = vo.getNetmask();
        inv.gateway = vo.getGateway();
        inv.deviceId = vo.getDeviceId();
        inv.driverType = vo.getDriverType();
        inv.hypervisorType = vo.getHypervisorType();
        inv.sourceNetworkName = vo.sourceNetworkName();
        inv.sourceNetworkType = vo.sourceNetworkType();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getMac() { return mac; }
    public String getIp() { return ip; }
    public String getNetmask() { return netmask; }
    public String getGateway() { return gateway; }
    public Integer getDeviceId() { return deviceId; }
    public String getSourceNetworkName() { return sourceNetworkName; }
}
