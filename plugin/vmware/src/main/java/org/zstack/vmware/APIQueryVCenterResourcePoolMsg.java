package org.zstack.vmware;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = VCenterResourcePoolInventory.class, replyClass = APIQueryVCenterResourcePoolReply.class)
@RestRequest(path = "/vcenters/clusters/resourcepools", optionalPaths = {"/vcenters/clusters/resourcepools/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryVCenterResourcePoolReply.class)
public class APIQueryVCenterResourcePoolMsg extends APIQueryMessage {
}
