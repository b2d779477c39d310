package org.zstack.header.storage.primary;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse
public class APIDeletePrimaryStorageEvent extends APIEvent {
    public APIDeletePrimaryStorageEvent() {
    }

    public APIDeletePrimaryStorageEvent(String apiId) {
        super(apiId);
    }
}
