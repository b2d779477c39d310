package org.zstack.header.tag;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = SystemTagVO.class)
public class SystemTagInventory {
    private String uuid;
    private String resourceUuid;
    private String resourceType;
    private String tag;
    private String type;
    private Boolean inherent;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static SystemTagInventory valueOf(SystemTagVO vo) {
        SystemTagInventory inv = new SystemTagInventory();
        inv.uuid = vo.getUuid();
        inv.resourceUuid = vo.getResourceUuid();
        inv.resourceType = vo.getResourceType();
        inv.tag = vo.getTag();
        inv.type = vo.getType();
        inv.inherent = vo.isInherent();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getTag() { return tag; }
    public String getResourceUuid() { return resourceUuid; }
}
