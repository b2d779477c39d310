package org.zstack.sdk;

public class UpdateGlobalConfigResult {
    public GlobalConfigInventory inventory;

    public GlobalConfigInventory getInventory() {
        return inventory;
    }

    public void setInventory(GlobalConfigInventory inventory) {
        this.inventory = inventory;
    }
}
