package org.zstack.sdk;

public class AddIpRangeResult {
    public IpRangeInventory inventory;

    public IpRangeInventory getInventory() {
        return inventory;
    }

    public void setInventory(IpRangeInventory inventory) {
        this.inventory = inventory;
    }
}
