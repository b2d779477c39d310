package org.zstack.header.host;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = HostInventory.class, replyClass = APIQueryHostReply.class)
@RestRequest(path = "/hosts", optionalPaths = {"/hosts/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryHostReply.class)
public class APIQueryHostMsg extends APIQueryMessage {
}
