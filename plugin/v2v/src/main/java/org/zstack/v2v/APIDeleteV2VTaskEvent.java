package org.zstack.v2v;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteV2VTaskEvent extends APIEvent {
    public APIDeleteV2VTaskEvent() {
    }

    public APIDeleteV2VTaskEvent(String apiId) {
        super(apiId);
    }
}
