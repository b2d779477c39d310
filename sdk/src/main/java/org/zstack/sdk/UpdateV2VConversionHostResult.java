package org.zstack.sdk;

public class UpdateV2VConversionHostResult {
    public V2VConversionHostInventory inventory;

    public V2VConversionHostInventory getInventory() {
        return inventory;
    }

    public void setInventory(V2VConversionHostInventory inventory) {
        this.inventory = inventory;
    }
}
