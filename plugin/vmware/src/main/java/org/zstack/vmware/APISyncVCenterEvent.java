package org.zstack.vmware;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APISyncVCenterEvent extends APIEvent {
    private VCenterInventory inventory;

    public APISyncVCenterEvent() {
    }

    public APISyncVCenterEvent(String apiId) {
        super(apiId);
    }

    public VCenterInventory getInventory() { return inventory; }
    public void setInventory(VCenterInventory inventory) { this.inventory = inventory; }
}
