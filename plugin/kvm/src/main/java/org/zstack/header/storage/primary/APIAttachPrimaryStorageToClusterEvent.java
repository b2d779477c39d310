package org.zstack.header.storage.primary;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIAttachPrimaryStorageToClusterEvent extends APIEvent {
    private PrimaryStorageInventory inventory;

    public APIAttachPrimaryStorageToClusterEvent() {
    }

    public APIAttachPrimaryStorageToClusterEvent(String apiId) {
        super(apiId);
    }

    public PrimaryStorageInventory getInventory() { return inventory; }
    public void setInventory(PrimaryStorageInventory inventory) { this.inventory = inventory; }
}
