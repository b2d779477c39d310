package org.zstack.header.host;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIAddHostEvent extends APIEvent {
    private HostInventory inventory;

    public APIAddHostEvent() {
    }

    public APIAddHostEvent(String apiId) {
        super(apiId);
    }

    public HostInventory getInventory() { return inventory; }
    public void setInventory(HostInventory inventory) { this.inventory = inventory; }
}
