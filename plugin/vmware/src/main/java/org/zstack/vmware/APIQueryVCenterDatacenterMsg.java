package org.zstack.vmware;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = VCenterDatacenterInventory.class, replyClass = APIQueryVCenterDatacenterReply.class)
@RestRequest(path = "/vcenters/datacenters", optionalPaths = {"/vcenters/datacenters/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryVCenterDatacenterReply.class)
public class APIQueryVCenterDatacenterMsg extends APIQueryMessage {
}
