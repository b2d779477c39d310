package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.vm.VmNicVO;

/** An ESX VM's NIC: its vSphere device key and the portgroup it is on (standard or distributed). */
@Entity
@Table(name = "VCenterVmNicVO")
@PrimaryKeyJoinColumn(name = "uuid", referencedColumnName = "uuid")
public class VCenterVmNicVO extends VmNicVO {
    @Column
    private String vCenterUuid;
    @Column
    private int deviceKey;
    @Column
    private String networkUuid;
    @Column
    private String networkName;
    @Column
    private String networkType;
    @Column
    private String portgroupKey;
    @Column
    private String dvSwitchUuid;
    @Column
    private boolean connected;

    @Override
    public String sourceNetworkName() {
        return networkName;
    }

    @Override
    public String sourceNetworkType() {
        return networkType;
    }

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public int getDeviceKey() { return deviceKey; }
    public void setDeviceKey(int deviceKey) { this.deviceKey = deviceKey; }
    public String getNetworkUuid() { return networkUuid; }
    public void setNetworkUuid(String networkUuid) { this.networkUuid = networkUuid; }
    public String getNetworkName() { return networkName; }
    public void setNetworkName(String networkName) { this.networkName = networkName; }
    public String getNetworkType() { return networkType; }
    public void setNetworkType(String networkType) { this.networkType = networkType; }
    public String getPortgroupKey() { return portgroupKey; }
    public void setPortgroupKey(String portgroupKey) { this.portgroupKey = portgroupKey; }
    public String getDvSwitchUuid() { return dvSwitchUuid; }
    public void setDvSwitchUuid(String dvSwitchUuid) { this.dvSwitchUuid = dvSwitchUuid; }
    public boolean isConnected() { return connected; }
    public void setConnected(boolean connected) { this.connected = connected; }
}
