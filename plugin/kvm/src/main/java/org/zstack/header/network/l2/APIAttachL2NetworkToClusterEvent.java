package org.zstack.header.network.l2;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIAttachL2NetworkToClusterEvent extends APIEvent {
    private L2NetworkInventory inventory;

    public APIAttachL2NetworkToClusterEvent() {
    }

    public APIAttachL2NetworkToClusterEvent(String apiId) {
        super(apiId);
    }

    public L2NetworkInventory getInventory() { return inventory; }
    public void setInventory(L2NetworkInventory inventory) { this.inventory = inventory; }
}
