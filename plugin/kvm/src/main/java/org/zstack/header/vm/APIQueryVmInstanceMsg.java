package org.zstack.header.vm;

import org.zstack.header.query.APIQueryMessage;
import org.zstack.header.query.AutoQuery;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** VM instances of every hypervisor: hypervisorType=ESX gives the VMs the vCenter syncs found. */
@AutoQuery(inventoryClass = VmInstanceInventory.class, replyClass = APIQueryVmInstanceReply.class)
@RestRequest(path = "/vm-instances", optionalPaths = {"/vm-instances/{uuid}"}, method = HttpMethod.GET, responseClass = APIQueryVmInstanceReply.class)
public class APIQueryVmInstanceMsg extends APIQueryMessage {
}
