package org.zstack.header.identity;

import org.zstack.accessKey.AccessKeyInventory;
import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APICreateAccessKeyEvent extends APIEvent {
    private AccessKeyInventory inventory;

    public APICreateAccessKeyEvent() {
    }

    public APICreateAccessKeyEvent(String apiId) {
        super(apiId);
    }

    public AccessKeyInventory getInventory() { return inventory; }
    public void setInventory(AccessKeyInventory inventory) { this.inventory = inventory; }
}
