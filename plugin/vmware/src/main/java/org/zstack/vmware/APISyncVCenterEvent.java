package org.zstack.vmware;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

/** A sync's answer carries nothing, as ZStack's: the official SDK's SyncVCenterResult has no field (query the vCenter for its state). */
@RestResponse
public class APISyncVCenterEvent extends APIEvent {
    public APISyncVCenterEvent() {
    }

    public APISyncVCenterEvent(String apiId) {
        super(apiId);
    }
}
