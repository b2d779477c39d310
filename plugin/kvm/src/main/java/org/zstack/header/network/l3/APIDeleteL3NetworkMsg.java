package org.zstack.header.network.l3;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** Permissive refuses while addresses of the network are in use; Enforcing releases them with it. */
@RestRequest(path = "/l3-networks/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteL3NetworkEvent.class)
public class APIDeleteL3NetworkMsg extends APIDeleteMessage implements L3NetworkMessage {
    @APIParam(resourceType = L3NetworkVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getL3NetworkUuid() { return uuid; }
}
