package org.zstack.header.cluster;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = ClusterVO.class)
public class ClusterInventory {
    private String name;
    private String uuid;
    private String description;
    private String state;
    private String hypervisorType;
    private Timestamp createDate;
    private Timestamp lastOpDate;
    private String zoneUuid;
    private String type;
    private String architecture;

    public static ClusterInventory valueOf(ClusterVO vo) {
        ClusterInventory inv = new ClusterInventory();
        inv.fill(vo);
        return inv;
    }

    /** For inventories of cluster subclasses (VCenterClusterInventory). */
    protected void fill(ClusterVO vo) {
        name = vo.getName();
        uuid = vo.getUuid();
        description = vo.getDescription();
        state = vo.getState().toString();
        hypervisorType = vo.getHypervisorType();
        createDate = vo.getCreateDate();
        lastOpDate = vo.getLastOpDate();
        zoneUuid = vo.getZoneUuid();
        type = vo.getType();
        architecture = vo.getArchitecture();
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getZoneUuid() { return zoneUuid; }
}
