package org.zstack.header.identity;

import org.zstack.accessKey.AccessKeyInventory;
import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = AccessKeyInventory.class, replyClass = APIQueryAccessKeyReply.class)
@RestRequest(path = "/accesskeys", optionalPaths = {"/accesskeys/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryAccessKeyReply.class)
public class APIQueryAccessKeyMsg extends APIQueryMessage {
}
