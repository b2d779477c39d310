package org.zstack.header.network.l3;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APINoSee;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** Permissive refuses while addresses of the range are in use; Enforcing releases them with it. */
@RestRequest(path = "/l3-networks/ip-ranges/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteIpRangeEvent.class)
public class APIDeleteIpRangeMsg extends APIDeleteMessage implements L3NetworkMessage {
    @APIParam(resourceType = IpRangeVO.class, successIfResourceNotExisting = true)
    private String uuid;
    /** Set by L3NetworkApiInterceptor from the range, so the deletion runs in its L3's queue; null if it is gone. */
    @APINoSee
    private String l3NetworkUuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    @Override
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
}
