package org.zstack.vmware;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = VCenterNetworkInventory.class, replyClass = APIQueryVCenterNetworkReply.class)
@RestRequest(path = "/vcenters/networks", optionalPaths = {"/vcenters/networks/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryVCenterNetworkReply.class)
public class APIQueryVCenterNetworkMsg extends APIQueryMessage {
}
