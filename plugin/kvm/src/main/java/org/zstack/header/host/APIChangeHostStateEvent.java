package org.zstack.header.host;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIChangeHostStateEvent extends APIEvent {
    private HostInventory inventory;

    public APIChangeHostStateEvent() {
    }

    public APIChangeHostStateEvent(String apiId) {
        super(apiId);
    }

    public HostInventory getInventory() { return inventory; }
    public void setInventory(HostInventory inventory) { this.inventory = inventory; }
}
