package org.zstack.sdk;

public class GetTaskProgressResult {
    public java.util.List<TaskProgressInventory> inventories;

    public java.util.List<TaskProgressInventory> getInventories() {
        return inventories;
    }

    public void setInventories(java.util.List<TaskProgressInventory> inventories) {
        this.inventories = inventories;
    }
}
