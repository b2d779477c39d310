package org.zstack.header.storage.primary;

import org.zstack.header.cluster.ClusterVO;
import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

@RestRequest(path = "/clusters/{clusterUuid}/primary-storage/{primaryStorageUuid}", method = HttpMethod.DELETE,
        responseClass = APIDetachPrimaryStorageFromClusterEvent.class)
public class APIDetachPrimaryStorageFromClusterMsg extends APIMessage implements PrimaryStorageMessage {
    @APIParam(resourceType = ClusterVO.class)
    private String clusterUuid;
    @APIParam(resourceType = PrimaryStorageVO.class)
    private String primaryStorageUuid;

    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    @Override
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
}
