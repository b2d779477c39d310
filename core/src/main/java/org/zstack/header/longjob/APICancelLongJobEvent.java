package org.zstack.header.longjob;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

/** A cancel's answer carries nothing, as ZStack's: the official SDK's CancelLongJobResult has no field (query the job for its state). */
@RestResponse
public class APICancelLongJobEvent extends APIEvent {
    public APICancelLongJobEvent() {
    }

    public APICancelLongJobEvent(String apiId) {
        super(apiId);
    }
}
