package org.zstack.header.identity;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

/** An account as ZStack shows it; never its password. */
@Inventory(mappingVOClass = AccountVO.class)
public class AccountInventory {
    private String uuid;
    private String name;
    private String description;
    private String type;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static AccountInventory valueOf(AccountVO vo) {
        AccountInventory inv = new AccountInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.type = vo.getType();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getType() { return type; }
}
