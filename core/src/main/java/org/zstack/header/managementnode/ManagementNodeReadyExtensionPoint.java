package org.zstack.header.managementnode;

/** Called once the node has started every component, registered itself and serves REST. */
public interface ManagementNodeReadyExtensionPoint {
    void managementNodeReady();
}
