package org.zstack.header.network.l3;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * The range is the CIDR's host addresses minus the gateway, which must be the first host address (the default)
 * or the last one, so the range stays one piece. Host bits in the CIDR are dropped: 10.0.0.1/24 is 10.0.0.0/24.
 */
@RestRequest(path = "/l3-networks/{l3NetworkUuid}/ip-ranges/by-cidr", method = HttpMethod.POST, parameterName = "params",
        responseClass = APIAddIpRangeByNetworkCidrEvent.class)
public class APIAddIpRangeByNetworkCidrMsg extends APIMessage implements L3NetworkMessage {
    @APIParam(resourceType = L3NetworkVO.class)
    private String l3NetworkUuid;
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(maxLength = 64)
    private String networkCidr;
    @APIParam(required = false, maxLength = 64)
    private String gateway;

    @Override
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getNetworkCidr() { return networkCidr; }
    public void setNetworkCidr(String networkCidr) { this.networkCidr = networkCidr; }
    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
}
