package org.zstack.sdk;

public class CreateAccessKeyResult {
    public AccessKeyInventory inventory;

    public AccessKeyInventory getInventory() {
        return inventory;
    }

    public void setInventory(AccessKeyInventory inventory) {
        this.inventory = inventory;
    }
}
