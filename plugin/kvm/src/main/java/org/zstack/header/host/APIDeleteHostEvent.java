package org.zstack.header.host;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteHostEvent extends APIEvent {
    public APIDeleteHostEvent() {
    }

    public APIDeleteHostEvent(String apiId) {
        super(apiId);
    }
}
