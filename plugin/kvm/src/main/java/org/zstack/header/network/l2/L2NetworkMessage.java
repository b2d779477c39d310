package org.zstack.header.network.l2;

/** A message about one L2 network; the L2 manager runs them in that network's queue. */
public interface L2NetworkMessage {
    String getL2NetworkUuid();
}
