package org.zstack.vmware;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIAddVCenterEvent extends APIEvent {
    private VCenterInventory inventory;

    public APIAddVCenterEvent() {
    }

    public APIAddVCenterEvent(String apiId) {
        super(apiId);
    }

    public VCenterInventory getInventory() { return inventory; }
    public void setInventory(VCenterInventory inventory) { this.inventory = inventory; }
}
