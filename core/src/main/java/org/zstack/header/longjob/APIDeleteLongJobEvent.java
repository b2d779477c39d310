package org.zstack.header.longjob;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteLongJobEvent extends APIEvent {
    public APIDeleteLongJobEvent() {
    }

    public APIDeleteLongJobEvent(String apiId) {
        super(apiId);
    }
}
