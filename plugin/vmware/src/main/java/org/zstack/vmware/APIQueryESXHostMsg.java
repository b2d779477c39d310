package org.zstack.vmware;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = ESXHostInventory.class, replyClass = APIQueryESXHostReply.class)
@RestRequest(path = "/vcenters/hosts", optionalPaths = {"/vcenters/hosts/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryESXHostReply.class)
public class APIQueryESXHostMsg extends APIQueryMessage {
}
