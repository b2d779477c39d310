package org.zstack.sdk;

public class DetachL2NetworkFromClusterResult {
    public L2NetworkInventory inventory;

    public L2NetworkInventory getInventory() {
        return inventory;
    }

    public void setInventory(L2NetworkInventory inventory) {
        this.inventory = inventory;
    }
}
