package org.zstack.header.longjob;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIRerunLongJobEvent extends APIEvent {
    private LongJobInventory inventory;

    public APIRerunLongJobEvent() {
    }

    public APIRerunLongJobEvent(String apiId) {
        super(apiId);
    }

    public LongJobInventory getInventory() { return inventory; }
    public void setInventory(LongJobInventory inventory) { this.inventory = inventory; }
}
