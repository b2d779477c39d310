package org.zstack.testlib.rest

import org.zstack.header.message.APIEvent
import org.zstack.header.rest.RestResponse

@RestResponse(allTo = "inventory")
class APITestEchoEvent extends APIEvent {
    TestEchoInventory inventory

    APITestEchoEvent() {
    }

    APITestEchoEvent(String apiId) {
        super(apiId)
    }
}
