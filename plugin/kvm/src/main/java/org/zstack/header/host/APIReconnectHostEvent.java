package org.zstack.header.host;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIReconnectHostEvent extends APIEvent {
    private HostInventory inventory;

    public APIReconnectHostEvent() {
    }

    public APIReconnectHostEvent(String apiId) {
        super(apiId);
    }

    public HostInventory getInventory() { return inventory; }
    public void setInventory(HostInventory inventory) { this.inventory = inventory; }
}
