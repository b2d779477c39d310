package org.zstack.header.longjob;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = LongJobInventory.class, replyClass = APIQueryLongJobReply.class)
@RestRequest(path = "/longjobs", optionalPaths = {"/longjobs/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryLongJobReply.class)
public class APIQueryLongJobMsg extends APIQueryMessage {
}
