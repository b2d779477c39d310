package org.zstack.header.cluster;

/** A message about one cluster; the cluster manager runs them in that cluster's queue. */
public interface ClusterMessage {
    String getClusterUuid();
}
