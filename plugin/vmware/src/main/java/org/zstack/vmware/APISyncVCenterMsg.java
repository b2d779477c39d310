package org.zstack.vmware;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * Reads the vCenter's inventory again: datacenters, clusters, ESX hosts, resource pools, datastores, networks and
 * VMs. Records of what is still there keep their uuids; a sync that fails keeps the records as they were.
 */
@RestRequest(path = "/vcenters/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APISyncVCenterEvent.class)
public class APISyncVCenterMsg extends APIMessage implements VCenterMessage {
    @APIParam(resourceType = VCenterVO.class)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getVCenterUuid() { return uuid; }
}
