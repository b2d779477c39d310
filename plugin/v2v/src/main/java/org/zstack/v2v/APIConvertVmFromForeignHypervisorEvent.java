package org.zstack.v2v;

import org.zstack.header.longjob.LongJobInventory;
import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APIConvertVmFromForeignHypervisorEvent extends APIEvent {
    private LongJobInventory inventory;

    public APIConvertVmFromForeignHypervisorEvent() {
    }

    public APIConvertVmFromForeignHypervisorEvent(String apiId) {
        super(apiId);
    }

    public LongJobInventory getInventory() { return inventory; }
    public void setInventory(LongJobInventory inventory) { this.inventory = inventory; }
}
