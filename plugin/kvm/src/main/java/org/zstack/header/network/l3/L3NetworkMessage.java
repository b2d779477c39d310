package org.zstack.header.network.l3;

/** A message about one L3 network; it runs in that network's queue, with the IP allocations of it. */
public interface L3NetworkMessage {
    String getL3NetworkUuid();
}
