package org.zstack.header.network.l2;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = L2NetworkInventory.class, replyClass = APIQueryL2NetworkReply.class)
@RestRequest(path = "/l2-networks", optionalPaths = {"/l2-networks/{uuid}"}, method = HttpMethod.GET,
        responseClass = APIQueryL2NetworkReply.class)
public class APIQueryL2NetworkMsg extends APIQueryMessage {
}
