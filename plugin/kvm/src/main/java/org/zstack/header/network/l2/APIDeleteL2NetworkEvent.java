package org.zstack.header.network.l2;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteL2NetworkEvent extends APIEvent {
    public APIDeleteL2NetworkEvent() {
    }

    public APIDeleteL2NetworkEvent(String apiId) {
        super(apiId);
    }
}
