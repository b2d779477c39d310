package org.zstack.header.zone;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/zones/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIUpdateZoneEvent.class)
public class APIUpdateZoneMsg extends APIMessage implements ZoneMessage {
    @APIParam(resourceType = ZoneVO.class)
    private String uuid;
    @APIParam(required = false, maxLength = 255)
    private String name;
    @APIParam(required = false, maxLength = 2048)
    private String description;
    @APIParam(required = false)
    private Boolean isDefault;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Boolean getIsDefault() { return isDefault; }

    @Override
    public String getZoneUuid() { return uuid; }
}
