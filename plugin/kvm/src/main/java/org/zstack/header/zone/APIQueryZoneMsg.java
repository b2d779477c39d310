package org.zstack.header.zone;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = ZoneInventory.class, replyClass = APIQueryZoneReply.class)
@RestRequest(path = "/zones", optionalPaths = {"/zones/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryZoneReply.class)
public class APIQueryZoneMsg extends APIQueryMessage {
}
