package org.zstack.vmware;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = VCenterClusterInventory.class, replyClass = APIQueryVCenterClusterReply.class)
@RestRequest(path = "/vcenters/clusters", optionalPaths = {"/vcenters/clusters/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryVCenterClusterReply.class)
public class APIQueryVCenterClusterMsg extends APIQueryMessage {
}
