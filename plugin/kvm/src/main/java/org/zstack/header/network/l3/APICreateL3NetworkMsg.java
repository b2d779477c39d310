package org.zstack.header.network.l3;

import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.network.l2.L2NetworkMessage;
import org.zstack.header.network.l2.L2NetworkVO;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/** Runs in its L2 network's queue (an L2NetworkMessage), so it cannot interleave with that network's deletion. */
@RestRequest(path = "/l3-networks", method = HttpMethod.POST, parameterName = "params",
        responseClass = APICreateL3NetworkEvent.class)
public class APICreateL3NetworkMsg extends APICreateMessage implements L2NetworkMessage {
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(required = false, validValues = {L3NetworkConstant.L3_BASIC_NETWORK_TYPE})
    private String type;
    @APIParam(resourceType = L2NetworkVO.class)
    private String l2NetworkUuid;
    @APIParam(required = false, validValues = {"Public", "Private", "System"})
    private String category;
    @APIParam(required = false)
    private Boolean system;
    @APIParam(required = false, maxLength = 255)
    private String dnsDomain;
    /** 4 only for now; 6 is a known value refused with its own message by the interceptor. */
    @APIParam(required = false, numberRange = {4, 6})
    private Integer ipVersion;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    @Override
    public String getL2NetworkUuid() { return l2NetworkUuid; }
    public void setL2NetworkUuid(String l2NetworkUuid) { this.l2NetworkUuid = l2NetworkUuid; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public Boolean getSystem() { return system; }
    public void setSystem(Boolean system) { this.system = system; }
    public String getDnsDomain() { return dnsDomain; }
    public void setDnsDomain(String dnsDomain) { this.dnsDomain = dnsDomain; }
    public Integer getIpVersion() { return ipVersion; }
    public void setIpVersion(Integer ipVersion) { this.ipVersion = ipVersion; }
}
