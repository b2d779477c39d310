package org.zstack.header.longjob;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIUpdateLongJobEvent extends APIEvent {
    private LongJobInventory inventory;

    public APIUpdateLongJobEvent() {
    }

    public APIUpdateLongJobEvent(String apiId) {
        super(apiId);
    }

    public LongJobInventory getInventory() { return inventory; }
    public void setInventory(LongJobInventory inventory) { this.inventory = inventory; }
}
