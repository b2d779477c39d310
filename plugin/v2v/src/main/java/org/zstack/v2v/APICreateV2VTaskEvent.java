package org.zstack.v2v;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APICreateV2VTaskEvent extends APIEvent {
    private V2VTaskInventory inventory;

    public APICreateV2VTaskEvent() {
    }

    public APICreateV2VTaskEvent(String apiId) {
        super(apiId);
    }

    public V2VTaskInventory getInventory() { return inventory; }
    public void setInventory(V2VTaskInventory inventory) { this.inventory = inventory; }
}
