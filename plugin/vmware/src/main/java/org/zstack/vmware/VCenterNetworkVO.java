package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

/**
 * A network of a vCenter datacenter: a standard portgroup (type Standard), a distributed portgroup (Distributed,
 * with its switch; uplink marks a switch's uplink portgroup, which no VM uses) or an NSX network (Opaque).
 */
@Entity
@Table(name = "VCenterNetworkVO")
public class VCenterNetworkVO extends ResourceVO {
    @Column
    private String vCenterUuid;
    @Column
    private String datacenterUuid;
    @Column
    private String name;
    @Column
    private String morval;
    @Column
    private String type;
    @Column
    private String dvSwitchName;
    @Column
    private String dvSwitchUuid;
    @Column
    private String portgroupKey;
    @Column
    private Integer vlanId;
    @Column
    private boolean uplink;

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public String getDatacenterUuid() { return datacenterUuid; }
    public void setDatacenterUuid(String datacenterUuid) { this.datacenterUuid = datacenterUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMorval() { return morval; }
    public void setMorval(String morval) { this.morval = morval; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getDvSwitchName() { return dvSwitchName; }
    public void setDvSwitchName(String dvSwitchName) { this.dvSwitchName = dvSwitchName; }
    public String getDvSwitchUuid() { return dvSwitchUuid; }
    public void setDvSwitchUuid(String dvSwitchUuid) { this.dvSwitchUuid = dvSwitchUuid; }
    public String getPortgroupKey() { return portgroupKey; }
    public void setPortgroupKey(String portgroupKey) { this.portgroupKey = portgroupKey; }
    public Integer getVlanId() { return vlanId; }
    public void setVlanId(Integer vlanId) { this.vlanId = vlanId; }
    public boolean isUplink() { return uplink; }
    public void setUplink(boolean uplink) { this.uplink = uplink; }
}
