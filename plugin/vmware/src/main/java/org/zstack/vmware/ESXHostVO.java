package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.host.HostInventory;
import org.zstack.header.host.HostInventoryProvider;
import org.zstack.header.host.HostVO;

/** An ESX host of a vCenter: a HostVO of hypervisorType ESX, managed by the vCenter's syncs, not by an agent. */
@Entity
@Table(name = "ESXHostVO")
@PrimaryKeyJoinColumn(name = "uuid", referencedColumnName = "uuid")
public class ESXHostVO extends HostVO implements HostInventoryProvider {
    @Column
    private String vCenterUuid;
    @Column
    private String datacenterUuid;
    @Column
    private String morval;
    @Column
    private String esxiVersion;
    @Column
    private String esxiBuild;
    @Column
    private String cpuModelName;
    @Column
    private String connectionState;

    @Override
    public HostInventory toInventory() {
        return ESXHostInventory.valueOf(this);
    }

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public String getDatacenterUuid() { return datacenterUuid; }
    public void setDatacenterUuid(String datacenterUuid) { this.datacenterUuid = datacenterUuid; }
    public String getMorval() { return morval; }
    public void setMorval(String morval) { this.morval = morval; }
    public String getEsxiVersion() { return esxiVersion; }
    public void setEsxiVersion(String esxiVersion) { this.esxiVersion = esxiVersion; }
    public String getEsxiBuild() { return esxiBuild; }
    public void setEsxiBuild(String esxiBuild) { this.esxiBuild = esxiBuild; }
    public String getCpuModelName() { return cpuModelName; }
    public void setCpuModelName(String cpuModelName) { this.cpuModelName = cpuModelName; }
    public String getConnectionState() { return connectionState; }
    public void setConnectionState(String connectionState) { this.connectionState = connectionState; }
}
