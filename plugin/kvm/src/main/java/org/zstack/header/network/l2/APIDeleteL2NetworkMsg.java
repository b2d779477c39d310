package org.zstack.header.network.l2;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** Deletes the L2 network with its L3 networks. Permissive refuses while their IPs are in use; Enforcing releases them. */
@RestRequest(path = "/l2-networks/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteL2NetworkEvent.class)
public class APIDeleteL2NetworkMsg extends APIDeleteMessage implements L2NetworkMessage {
    @APIParam(resourceType = L2NetworkVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getL2NetworkUuid() { return uuid; }
}
