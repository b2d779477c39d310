package org.zstack.header.identity;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteAccessKeyEvent extends APIEvent {
    public APIDeleteAccessKeyEvent() {
    }

    public APIDeleteAccessKeyEvent(String apiId) {
        super(apiId);
    }
}
