package org.zstack.sdk;

public class ChangeV2VConversionHostStateResult {
    public V2VConversionHostInventory inventory;

    public V2VConversionHostInventory getInventory() {
        return inventory;
    }

    public void setInventory(V2VConversionHostInventory inventory) {
        this.inventory = inventory;
    }
}
