package org.zstack.header.network.l2;

import org.zstack.header.cluster.ClusterVO;
import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/l2-networks/{l2NetworkUuid}/clusters/{clusterUuid}", method = HttpMethod.POST, parameterName = "params",
        responseClass = APIAttachL2NetworkToClusterEvent.class)
public class APIAttachL2NetworkToClusterMsg extends APIMessage implements L2NetworkMessage {
    @APIParam(resourceType = L2NetworkVO.class)
    private String l2NetworkUuid;
    @APIParam(resourceType = ClusterVO.class)
    private String clusterUuid;

    @Override
    public String getL2NetworkUuid() { return l2NetworkUuid; }
    public void setL2NetworkUuid(String l2NetworkUuid) { this.l2NetworkUuid = l2NetworkUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
}
