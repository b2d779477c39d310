package org.zstack.header.network.l2;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIDetachL2NetworkFromClusterEvent extends APIEvent {
    private L2NetworkInventory inventory;

    public APIDetachL2NetworkFromClusterEvent() {
    }

    public APIDetachL2NetworkFromClusterEvent(String apiId) {
        super(apiId);
    }

    public L2NetworkInventory getInventory() { return inventory; }
    public void setInventory(L2NetworkInventory inventory) { this.inventory = inventory; }
}
