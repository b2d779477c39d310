package org.zstack.header.network.l3;

import org.zstack.header.message.APIParam;
import org.zstack.header.message.APISyncCallMessage;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/l3-networks/{l3NetworkUuid}/ip/{ip}/availability", method = HttpMethod.GET,
        responseClass = APICheckIpAvailabilityReply.class)
public class APICheckIpAvailabilityMsg extends APISyncCallMessage implements L3NetworkMessage {
    @APIParam(resourceType = L3NetworkVO.class)
    private String l3NetworkUuid;
    @APIParam(maxLength = 64)
    private String ip;

    @Override
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
}
