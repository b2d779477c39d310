package org.zstack.header.storage.primary;

import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.host.HostInventory;

/**
 * One kind of primary storage (LocalStorage, NFS; Ceph RBD later): how a host gets ready to use it and gives it
 * up, and where a volume lives on it. The manager does everything else (records, cluster refs, capacity sums) the
 * same way for every kind, and other plugins ask the backend (see PrimaryStorageBackends) rather than the type name.
 */
public interface PrimaryStorageBackend {
    String getType();

    /** Makes the storage usable on the host and measures it from there. */
    void connectHost(PrimaryStorageInventory ps, HostInventory host, ReturnValueCompletion<HostCapacity> completion);

    void disconnectHost(PrimaryStorageInventory ps, HostInventory host, Completion completion);

    /**
     * Local storage adds up its hosts' directories; a shared storage counts its one share once. A shared storage is
     * also the same to every host of its clusters: a volume written from one is there for the others.
     */
    boolean isShared();

    /**
     * Where a new volume of the storage is kept: what the volume record holds and the host writes to. Takes the
     * record, not the inventory, since it is asked while records are made and the inventory reads the database.
     */
    String volumeInstallPath(PrimaryStorageVO ps, String volumeUuid, boolean rootVolume);

    record HostCapacity(long total, long available) {
    }
}
