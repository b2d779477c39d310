package org.zstack.sdk;

public class CreateL3NetworkResult {
    public L3NetworkInventory inventory;

    public L3NetworkInventory getInventory() {
        return inventory;
    }

    public void setInventory(L3NetworkInventory inventory) {
        this.inventory = inventory;
    }
}
