package org.zstack.v2v;

import org.zstack.header.host.HostVO;
import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * Bandwidth limits and the migration network come as system tags: v2v::upload::bandwidth::{bytes/s},
 * v2v::download::bandwidth::{bytes/s}, conversion::network::cidr::{cidr}.
 */
@RestRequest(path = "/v2v-conversion-hosts", method = HttpMethod.POST, parameterName = "params", responseClass = APIAddV2VConversionHostEvent.class)
public class APIAddV2VConversionHostMsg extends APICreateMessage {
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(validValues = {"VMWARE", "KVM"})
    private String type;
    @APIParam(resourceType = HostVO.class)
    private String hostUuid;
    @APIParam(maxLength = 2048)
    private String storagePath;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public String getStoragePath() { return storagePath; }
    public void setStoragePath(String storagePath) { this.storagePath = storagePath; }
}
