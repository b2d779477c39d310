package org.zstack.sdk;

public class CleanV2VConversionCacheResult {
    public V2VConversionHostInventory inventory;

    public V2VConversionHostInventory getInventory() {
        return inventory;
    }

    public void setInventory(V2VConversionHostInventory inventory) {
        this.inventory = inventory;
    }
}
