package org.zstack.header.tag;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = SystemTagInventory.class, replyClass = APIQuerySystemTagReply.class)
@RestRequest(path = "/system-tags", optionalPaths = {"/system-tags/{uuid}"}, method = HttpMethod.GET, responseClass = APIQuerySystemTagReply.class)
public class APIQuerySystemTagMsg extends APIQueryMessage {
}
