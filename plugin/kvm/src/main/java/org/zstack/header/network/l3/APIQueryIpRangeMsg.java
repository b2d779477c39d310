package org.zstack.header.network.l3;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = IpRangeInventory.class, replyClass = APIQueryIpRangeReply.class)
@RestRequest(path = "/l3-networks/ip-ranges", optionalPaths = {"/l3-networks/ip-ranges/{uuid}"}, method = HttpMethod.GET,
        responseClass = APIQueryIpRangeReply.class)
public class APIQueryIpRangeMsg extends APIQueryMessage {
}
