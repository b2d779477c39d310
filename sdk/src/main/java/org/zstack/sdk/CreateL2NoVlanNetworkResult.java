package org.zstack.sdk;

public class CreateL2NoVlanNetworkResult {
    public L2NetworkInventory inventory;

    public L2NetworkInventory getInventory() {
        return inventory;
    }

    public void setInventory(L2NetworkInventory inventory) {
        this.inventory = inventory;
    }
}
