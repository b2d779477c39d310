package org.zstack.v2v;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIUpdateV2VConversionHostEvent extends APIEvent {
    private V2VConversionHostInventory inventory;

    public APIUpdateV2VConversionHostEvent() {
    }

    public APIUpdateV2VConversionHostEvent(String apiId) {
        super(apiId);
    }

    public V2VConversionHostInventory getInventory() { return inventory; }
    public void setInventory(V2VConversionHostInventory inventory) { this.inventory = inventory; }
}
