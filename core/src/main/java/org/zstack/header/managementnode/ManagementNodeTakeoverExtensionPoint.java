package org.zstack.header.managementnode;

import java.util.Set;

/**
 * Takes over what management nodes that are gone left unfinished (their long jobs, API jobs, hosts they were
 * connecting). Called on every live node when it is ready and then at each of its heartbeats, so that a node killed
 * while another runs is taken over within about one heartbeat timeout, not at the next boot. Anything owned by a node
 * not in aliveNodeUuids (or by no node) is a dead node's; an implementation claims each item with a compare-and-set on
 * its owner column, so that two live nodes never both take the same one.
 */
public interface ManagementNodeTakeoverExtensionPoint {
    void takeOverFromDeadNodes(Set<String> aliveNodeUuids);
}
