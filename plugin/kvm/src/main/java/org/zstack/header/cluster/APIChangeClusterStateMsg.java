package org.zstack.header.cluster;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/clusters/{uuid}/actions", method = HttpMethod.PUT, isAction = true, responseClass = APIChangeClusterStateEvent.class)
public class APIChangeClusterStateMsg extends APIMessage implements ClusterMessage {
    @APIParam(resourceType = ClusterVO.class)
    private String uuid;
    @APIParam(validValues = {"enable", "disable"})
    private String stateEvent;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }
    public String getStateEvent() { return stateEvent; }
    public void setStateEvent(String stateEvent) { this.stateEvent = stateEvent; }

    @Override
    public String getClusterUuid() { return uuid; }
}
