package org.zstack.header.host;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/hosts/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIReconnectHostEvent.class)
public class APIReconnectHostMsg extends APIMessage implements HostMessage {
    @APIParam(resourceType = HostVO.class)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getHostUuid() { return uuid; }
}
