package org.zstack.core.config;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = GlobalConfigInventory.class, replyClass = APIQueryGlobalConfigReply.class)
@RestRequest(path = "/global-configurations", method = HttpMethod.GET, responseClass = APIQueryGlobalConfigReply.class)
public class APIQueryGlobalConfigMsg extends APIQueryMessage {
}
