package org.zstack.vmware;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** Deletes a vCenter and every record its syncs made (clusters, hosts, datastores, networks, VMs). */
@RestRequest(path = "/vcenters/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteVCenterEvent.class)
public class APIDeleteVCenterMsg extends APIDeleteMessage implements VCenterMessage {
    @APIParam(resourceType = VCenterVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getVCenterUuid() { return uuid; }
}
