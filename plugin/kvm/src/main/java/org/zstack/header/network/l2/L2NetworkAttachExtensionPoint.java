package org.zstack.header.network.l2;

import org.zstack.header.core.Completion;

/**
 * Called before an L2 network is attached to a cluster, one implementation after another; the first failure
 * aborts the attach and becomes the cause of its error. The KVM host code checks here that every host of the
 * cluster can build the network (the bridge on the physical interface). Must complete exactly once.
 */
public interface L2NetworkAttachExtensionPoint {
    void beforeAttach(L2NetworkInventory l2, String clusterUuid, Completion completion);
}
