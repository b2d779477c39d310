package org.zstack.header.cluster;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = ClusterInventory.class, replyClass = APIQueryClusterReply.class)
@RestRequest(path = "/clusters", optionalPaths = {"/clusters/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryClusterReply.class)
public class APIQueryClusterMsg extends APIQueryMessage {
}
