package org.zstack.header.zone;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APICreateZoneEvent extends APIEvent {
    private ZoneInventory inventory;

    public APICreateZoneEvent() {
    }

    public APICreateZoneEvent(String apiId) {
        super(apiId);
    }

    public ZoneInventory getInventory() { return inventory; }
    public void setInventory(ZoneInventory inventory) { this.inventory = inventory; }
}
