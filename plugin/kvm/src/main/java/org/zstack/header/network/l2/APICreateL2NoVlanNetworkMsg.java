package org.zstack.header.network.l2;

import org.zstack.header.message.APICreateMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;
import org.zstack.header.zone.ZoneVO;

@RestRequest(path = "/l2-networks/no-vlan", method = HttpMethod.POST, parameterName = "params",
        responseClass = APICreateL2NetworkEvent.class)
public class APICreateL2NoVlanNetworkMsg extends APICreateMessage {
    @APIParam(maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(resourceType = ZoneVO.class)
    private String zoneUuid;
    @APIParam(maxLength = 1024)
    private String physicalInterface;
    /** Only LinuxBridge: it is what the KVM hosts build; others would be accepted here and fail on every host. */
    @APIParam(required = false, validValues = {L2NetworkConstant.VSWITCH_TYPE_LINUX_BRIDGE})
    private String vSwitchType;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getPhysicalInterface() { return physicalInterface; }
    public void setPhysicalInterface(String physicalInterface) { this.physicalInterface = physicalInterface; }
    public String getvSwitchType() { return vSwitchType; }
    public void setvSwitchType(String vSwitchType) { this.vSwitchType = vSwitchType; }
}
