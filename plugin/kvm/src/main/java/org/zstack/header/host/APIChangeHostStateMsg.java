package org.zstack.header.host;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/hosts/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIChangeHostStateEvent.class)
public class APIChangeHostStateMsg extends APIMessage implements HostMessage {
    @APIParam(resourceType = HostVO.class)
    private String uuid;
    @APIParam(validValues = {"enable", "disable", "maintain"})
    private String stateEvent;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getStateEvent() { return stateEvent; }
    public void setStateEvent(String stateEvent) { this.stateEvent = stateEvent; }

    @Override
    public String getHostUuid() { return uuid; }
}
