package org.zstack.header.network.l3;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APICreateL3NetworkEvent extends APIEvent {
    private L3NetworkInventory inventory;

    public APICreateL3NetworkEvent() {
    }

    public APICreateL3NetworkEvent(String apiId) {
        super(apiId);
    }

    public L3NetworkInventory getInventory() { return inventory; }
    public void setInventory(L3NetworkInventory inventory) { this.inventory = inventory; }
}
