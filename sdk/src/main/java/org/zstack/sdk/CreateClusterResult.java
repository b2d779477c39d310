package org.zstack.sdk;

public class CreateClusterResult {
    public ClusterInventory inventory;

    public ClusterInventory getInventory() {
        return inventory;
    }

    public void setInventory(ClusterInventory inventory) {
        this.inventory = inventory;
    }
}
