package org.zstack.header.cluster;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteClusterEvent extends APIEvent {
    public APIDeleteClusterEvent() {
    }

    public APIDeleteClusterEvent(String apiId) {
        super(apiId);
    }
}
