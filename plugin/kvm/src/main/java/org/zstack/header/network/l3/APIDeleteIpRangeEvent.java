package org.zstack.header.network.l3;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteIpRangeEvent extends APIEvent {
    public APIDeleteIpRangeEvent() {
    }

    public APIDeleteIpRangeEvent(String apiId) {
        super(apiId);
    }
}
