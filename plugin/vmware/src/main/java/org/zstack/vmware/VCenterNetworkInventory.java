package org.zstack.vmware;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

/** A network of a vCenter datacenter: a standard or distributed portgroup (or an NSX network). */
@Inventory(mappingVOClass = VCenterNetworkVO.class)
public class VCenterNetworkInventory {
    private String uuid;
    private String vCenterUuid;
    private String datacenterUuid;
    private String name;
    private String morval;
    /** Standard, Distributed or Opaque. */
    private String type;
    private String dvSwitchName;
    private String dvSwitchUuid;
    private String portgroupKey;
    private Integer vlanId;
    /** A distributed switch's uplink portgroup (no VM is on it). */
    private Boolean uplink;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static VCenterNetworkInventory valueOf(VCenterNetworkVO vo) {
        VCenterNetworkInventory inv = new VCenterNetworkInventory();
        inv.uuid = vo.getUuid();
        inv.vCenterUuid = vo.getVCenterUuid();
        inv.datacenterUuid = vo.getDatacenterUuid();
        inv.name = vo.getName();
        inv.morval = vo.getMorval();
        inv.type = vo.getType();
        inv.dvSwitchName = vo.getDvSwitchName();
        inv.dvSwitchUuid = vo.getDvSwitchUuid();
        inv.portgroupKey = vo.getPortgroupKey();
        inv.vlanId = vo.getVlanId();
        inv.uplink = vo.isUplink();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }
}
