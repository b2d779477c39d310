package org.zstack.v2v;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIAddV2VConversionHostEvent extends APIEvent {
    private V2VConversionHostInventory inventory;

    public APIAddV2VConversionHostEvent() {
    }

    public APIAddV2VConversionHostEvent(String apiId) {
        super(apiId);
    }

    public V2VConversionHostInventory getInventory() { return inventory; }
    public void setInventory(V2VConversionHostInventory inventory) { this.inventory = inventory; }
}
