package org.zstack.v2v;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

/** A cache clean's answer carries nothing, as ZStack's: the official SDK's CleanV2VConversionCacheResult has no field (query the conversion host for its sizes). */
@RestResponse
public class APICleanV2VConversionCacheEvent extends APIEvent {
    public APICleanV2VConversionCacheEvent() {
    }

    public APICleanV2VConversionCacheEvent(String apiId) {
        super(apiId);
    }
}
