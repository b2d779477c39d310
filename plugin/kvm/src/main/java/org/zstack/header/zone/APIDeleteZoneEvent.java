package org.zstack.header.zone;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteZoneEvent extends APIEvent {
    public APIDeleteZoneEvent() {
    }

    public APIDeleteZoneEvent(String apiId) {
        super(apiId);
    }
}
