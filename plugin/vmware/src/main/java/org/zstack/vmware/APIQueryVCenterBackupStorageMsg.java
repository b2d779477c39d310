package org.zstack.vmware;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * ZStack's query of vCenter datastores registered as backup storage. This service has no backup storage (images
 * are never kept: a VM's disks go straight to the target's primary storage), so the query is refused with SYS.1006
 * naming QueryVCenterPrimaryStorage, which lists the datastores; an empty answer would say there are none.
 */
@AutoQuery(inventoryClass = VCenterBackupStorageInventory.class, replyClass = APIQueryVCenterBackupStorageReply.class)
@RestRequest(path = "/vcenters/backup-storage", optionalPaths = {"/vcenters/backup-storage/{uuid}"}, method = HttpMethod.GET,
        responseClass = APIQueryVCenterBackupStorageReply.class)
public class APIQueryVCenterBackupStorageMsg extends APIQueryMessage {
}
