package org.zstack.header.cluster;

public interface ClusterConstant {
    String SERVICE_ID = "cluster";
    String ZSTACK_CLUSTER_TYPE = "zstack";
}
