package org.zstack.header.storage.primary;

/** A message about one primary storage; the manager runs them in that storage's queue. */
public interface PrimaryStorageMessage {
    String getPrimaryStorageUuid();
}
