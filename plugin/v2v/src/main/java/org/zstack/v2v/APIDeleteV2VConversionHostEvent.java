package org.zstack.v2v;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeleteV2VConversionHostEvent extends APIEvent {
    public APIDeleteV2VConversionHostEvent() {
    }

    public APIDeleteV2VConversionHostEvent(String apiId) {
        super(apiId);
    }
}
