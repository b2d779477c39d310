package org.zstack.core.config;

import org.zstack.header.Inventory;

@Inventory(mappingVOClass = GlobalConfigVO.class)
public class GlobalConfigInventory {
    private String name;
    private String category;
    private String description;
    private String defaultValue;
    private String value;

    public static GlobalConfigInventory valueOf(GlobalConfigVO vo) {
        GlobalConfigInventory inv = new GlobalConfigInventory();
        inv.name = vo.getName();
        inv.category = vo.getCategory();
        inv.description = vo.getDescription();
        inv.defaultValue = vo.getDefaultValue();
        inv.value = vo.getValue();
        return inv;
    }

    public String getName() { return name; }
    public String getCategory() { return category; }
    public String getValue() { return value; }
}
