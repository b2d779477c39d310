package org.zstack.header.zone;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/zones/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteZoneEvent.class)
public class APIDeleteZoneMsg extends APIDeleteMessage implements ZoneMessage {
    @APIParam(resourceType = ZoneVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getZoneUuid() { return uuid; }
}
