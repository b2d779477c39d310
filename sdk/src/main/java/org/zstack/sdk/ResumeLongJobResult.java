package org.zstack.sdk;

public class ResumeLongJobResult {
    public LongJobInventory inventory;

    public LongJobInventory getInventory() {
        return inventory;
    }

    public void setInventory(LongJobInventory inventory) {
        this.inventory = inventory;
    }
}
