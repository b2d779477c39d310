package org.zstack.apigen.sample;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = ThingInventory.class, replyClass = APIQueryThingReply.class)
@RestRequest(path = "/things", optionalPaths = {"/things/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryThingReply.class)
public class APIQueryThingMsg extends APIQueryMessage {
}
