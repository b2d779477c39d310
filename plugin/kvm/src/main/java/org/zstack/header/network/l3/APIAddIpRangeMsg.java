package org.zstack.header.network.l3;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** The addresses are checked by L3NetworkApiInterceptor (form) and in the L3 queue (against the other ranges). */
@RestRequest(path = "/l3-networks/{l3NetworkUuid}/ip-ranges", method = HttpMethod.POST, parameterName = "params",
        responseClass = APIAddIpRangeEvent.class)
public class APIAddIpRangeMsg extends APIMessage implements L3NetworkMessage {
    @APIParam(resourceType = L3NetworkVO.class)
    private String l3NetworkUuid;
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(maxLength = 64)
    private String startIp;
    @APIParam(maxLength = 64)
    private String endIp;
    @APIParam(maxLength = 64)
    private String netmask;
    @APIParam(maxLength = 64)
    private String gateway;

    @Override
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getStartIp() { return startIp; }
    public void setStartIp(String startIp) { this.startIp = startIp; }
    public String getEndIp() { return endIp; }
    public void setEndIp(String endIp) { this.endIp = endIp; }
    public String getNetmask() { return netmask; }
    public void setNetmask(String netmask) { this.netmask = netmask; }
    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
}
