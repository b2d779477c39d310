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
        inv.name = vo.getName();
        inv.uuid = vo.getUuid();
        inv.description = vo.getDescription();
        inv.state = vo.getState().toString();
        inv.hypervisorType = vo.getHypervisorType();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        inv.zoneUuid = vo.getZoneUuid();
        inv.type = vo.getType();
        inv.architecture = vo.getArchitecture();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getZoneUuid() { return zoneUuid; }
}
