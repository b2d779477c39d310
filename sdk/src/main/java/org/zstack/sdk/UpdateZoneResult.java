package org.zstack.sdk;

public class UpdateZoneResult {
    public ZoneInventory inventory;

    public ZoneInventory getInventory() {
        return inventory;
    }

    public void setInventory(ZoneInventory inventory) {
        this.inventory = inventory;
    }
}
