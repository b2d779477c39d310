package org.zstack.header.cluster;

import org.zstack.header.message.APIDeleteMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/clusters/{uuid}", method = HttpMethod.DELETE, responseClass = APIDeleteClusterEvent.class)
public class APIDeleteClusterMsg extends APIDeleteMessage implements ClusterMessage {
    @APIParam(resourceType = ClusterVO.class, successIfResourceNotExisting = true)
    private String uuid;

    public String getUuid() { return uuid; }
    public void setUuid(String uuid) { this.uuid = uuid; }

    @Override
    public String getClusterUuid() { return uuid; }
}
