package org.zstack.header.storage.primary;

import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.host.HostInventory;

/**
 * One kind of primary storage (LocalStorage, NFS; Ceph RBD later): how a host gets ready to use it and gives it
 * up. The manager does everything else (records, cluster refs, capacity sums) the same way for every kind.
 */
public interface PrimaryStorageBackend {
    String getType();

    /** Makes the storage usable on the host and measures it from there. */
    void connectHost(PrimaryStorageInventory ps, HostInventory host, ReturnValueCompletion<HostCapacity> completion);

    void disconnectHost(PrimaryStorageInventory ps, HostInventory host, Completion completion);

    /** Local storage adds up its hosts' directories; a shared storage counts its one share once. */
    boolean isShared();

    record HostCapacity(long total, long available) {
    }
}
