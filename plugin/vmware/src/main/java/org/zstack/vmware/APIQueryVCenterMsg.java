package org.zstack.vmware;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = VCenterInventory.class, replyClass = APIQueryVCenterReply.class)
@RestRequest(path = "/vcenters", optionalPaths = {"/vcenters/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryVCenterReply.class)
public class APIQueryVCenterMsg extends APIQueryMessage {
}
