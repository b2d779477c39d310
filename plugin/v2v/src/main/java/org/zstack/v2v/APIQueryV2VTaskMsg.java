package org.zstack.v2v;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = V2VTaskInventory.class, replyClass = APIQueryV2VTaskReply.class)
@RestRequest(path = "/v2v-tasks", optionalPaths = {"/v2v-tasks/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryV2VTaskReply.class)
public class APIQueryV2VTaskMsg extends APIQueryMessage {
}
