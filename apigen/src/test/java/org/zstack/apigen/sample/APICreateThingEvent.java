package org.zstack.apigen.sample;

import org.zstack.header.message.APIEvent;
import org.zstack.header.rest.RestResponse;

@RestResponse(allTo = "inventory")
public class APICreateThingEvent extends APIEvent {
    private ThingInventory inventory;
}
