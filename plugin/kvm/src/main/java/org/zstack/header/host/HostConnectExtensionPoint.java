package org.zstack.header.host;

import org.zstack.header.core.Completion;

/**
 * Runs after the agent answered connect and before the host is Connected (mount NFS storage, check bridges, ...).
 * A failure leaves the host Disconnected (on reconnect) or not added at all (on add).
 */
public interface HostConnectExtensionPoint {
    void connectionReestablished(HostInventory host, Completion completion);
}
