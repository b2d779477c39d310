package org.zstack.vmware;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = VCenterDatacenterVO.class)
public class VCenterDatacenterInventory {
    private String uuid;
    private String vCenterUuid;
    private String name;
    private String morval;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static VCenterDatacenterInventory valueOf(VCenterDatacenterVO vo) {
        VCenterDatacenterInventory inv = new VCenterDatacenterInventory();
        inv.uuid = vo.getUuid();
        inv.vCenterUuid = vo.getVCenterUuid();
        inv.name = vo.getName();
        inv.morval = vo.getMorval();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }
}
