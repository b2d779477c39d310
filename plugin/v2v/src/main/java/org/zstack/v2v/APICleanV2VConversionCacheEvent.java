package org.zstack.v2v;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APICleanV2VConversionCacheEvent extends APIEvent {
    private V2VConversionHostInventory inventory;

    public APICleanV2VConversionCacheEvent() {
    }

    public APICleanV2VConversionCacheEvent(String apiId) {
        super(apiId);
    }

    public V2VConversionHostInventory getInventory() { return inventory; }
    public void setInventory(V2VConversionHostInventory inventory) { this.inventory = inventory; }
}
