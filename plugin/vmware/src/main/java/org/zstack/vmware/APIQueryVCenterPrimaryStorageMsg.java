package org.zstack.vmware;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@AutoQuery(inventoryClass = VCenterPrimaryStorageInventory.class, replyClass = APIQueryVCenterPrimaryStorageReply.class)
@RestRequest(path = "/vcenters/primary-storage", optionalPaths = {"/vcenters/primary-storage/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryVCenterPrimaryStorageReply.class)
public class APIQueryVCenterPrimaryStorageMsg extends APIQueryMessage {
}
