package org.zstack.header.storage.primary;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = PrimaryStorageInventory.class, replyClass = APIQueryPrimaryStorageReply.class)
@RestRequest(path = "/primary-storage", optionalPaths = {"/primary-storage/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryPrimaryStorageReply.class)
public class APIQueryPrimaryStorageMsg extends APIQueryMessage {
}
