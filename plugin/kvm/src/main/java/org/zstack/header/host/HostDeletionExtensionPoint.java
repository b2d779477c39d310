package org.zstack.header.host;

import org.zstack.header.message.APIDeleteMessage.DeletionMode;

/**
 * What depends on a host takes part in its deletion (a conversion host, VMs): in Permissive mode it may refuse
 * by throwing an OperationFailureException; then it removes its own records before the host goes.
 */
public interface HostDeletionExtensionPoint {
    void hostDeletionCheck(HostInventory host, DeletionMode mode);

    void deleteResourcesOfHost(HostInventory host);
}
