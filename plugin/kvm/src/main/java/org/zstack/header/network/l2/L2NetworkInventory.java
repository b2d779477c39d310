package org.zstack.header.network.l2;

import org.zstack.core.db.Q;
import org.zstack.header.Inventory;

import java.sql.Timestamp;
import java.util.List;

@Inventory(mappingVOClass = L2NetworkVO.class)
public class L2NetworkInventory {
    private String uuid;
    private String name;
    private String description;
    private String zoneUuid;
    private String physicalInterface;
    private String type;
    private String vSwitchType;
    private List<String> attachedClusterUuids;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /**
     * The attached clusters are read from the ref table here rather than through a JPA association: the VO stays
     * a flat row, and an inventory made right after an attach never shows a stale collection.
     */
    public static L2NetworkInventory valueOf(L2NetworkVO vo) {
        L2NetworkInventory inv = new L2NetworkInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.zoneUuid = vo.getZoneUuid();
        inv.physicalInterface = vo.getPhysicalInterface();
        inv.type = vo.getType();
        inv.vSwitchType = vo.getvSwitchType();
        inv.attachedClusterUuids = Q.New(L2NetworkClusterRefVO.class)
                .eq(L2NetworkClusterRefVO_.l2NetworkUuid, vo.getUuid())
                .orderBy(L2NetworkClusterRefVO_.id, true)
                .list().stream().map(L2NetworkClusterRefVO::getClusterUuid).toList();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getZoneUuid() { return zoneUuid; }
    public String getPhysicalInterface() { return physicalInterface; }
    public String getType() { return type; }
    public String getvSwitchType() { return vSwitchType; }
    public List<String> getAttachedClusterUuids() { return attachedClusterUuids; }
    public Timestamp getCreateDate() { return createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
}
