package org.zstack.header.cluster;

import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.zone.ZoneVO;

@RestRequest(path = "/clusters", method = HttpMethod.POST, parameterName = "params", responseClass = APICreateClusterEvent.class)
public class APICreateClusterMsg extends APICreateMessage {
    @APIParam(resourceType = ZoneVO.class)
    private String zoneUuid;
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    /** Only KVM: migrated VMs land on KVM hosts. */
    @APIParam(validValues = {"KVM"})
    private String hypervisorType;
    @APIParam(required = false, validValues = {"zstack"})
    private String type;
    @APIParam(required = false, validValues = {"x86_64", "aarch64", "mips64el", "loongarch64"})
    private String architecture;

    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getArchitecture() { return architecture; }
    public void setArchitecture(String architecture) { this.architecture = architecture; }
}
