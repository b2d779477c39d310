package org.zstack.header.host;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/hosts/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteHostEvent.class)
public class APIDeleteHostMsg extends APIDeleteMessage implements HostMessage {
    @APIParam(resourceType = HostVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getHostUuid() { return uuid; }
}
