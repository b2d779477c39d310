package org.zstack.header.network.l3;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteL3NetworkEvent extends APIEvent {
    public APIDeleteL3NetworkEvent() {
    }

    public APIDeleteL3NetworkEvent(String apiId) {
        super(apiId);
    }
}
