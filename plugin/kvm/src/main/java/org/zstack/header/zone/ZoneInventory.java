package org.zstack.header.zone;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = ZoneVO.class)
public class ZoneInventory {
    private String uuid;
    private String name;
    private String description;
    private String state;
    private String type;
    private Boolean isDefault;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static ZoneInventory valueOf(ZoneVO vo) {
        ZoneInventory inv = new ZoneInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.state = vo.getState().toString();
        inv.type = vo.getType();
        inv.isDefault = vo.isDefault();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getState() { return state; }
}
