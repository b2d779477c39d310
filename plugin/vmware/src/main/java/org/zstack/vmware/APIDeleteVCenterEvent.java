package org.zstack.vmware;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteVCenterEvent extends APIEvent {
    public APIDeleteVCenterEvent() {
    }

    public APIDeleteVCenterEvent(String apiId) {
        super(apiId);
    }
}
