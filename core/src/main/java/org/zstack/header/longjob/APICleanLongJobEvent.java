package org.zstack.header.longjob;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

/** Carries nothing, as ZStack's: query the job for its state. */
@RestResponse
public class APICleanLongJobEvent extends APIEvent {
    public APICleanLongJobEvent() {
    }

    public APICleanLongJobEvent(String apiId) {
        super(apiId);
    }
}
