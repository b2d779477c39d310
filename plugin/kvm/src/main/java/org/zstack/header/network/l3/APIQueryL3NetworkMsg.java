package org.zstack.header.network.l3;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = L3NetworkInventory.class, replyClass = APIQueryL3NetworkReply.class)
@RestRequest(path = "/l3-networks", optionalPaths = {"/l3-networks/{uuid}"}, method = HttpMethod.GET,
        responseClass = APIQueryL3NetworkReply.class)
public class APIQueryL3NetworkMsg extends APIQueryMessage {
}
