package org.zstack.header.storage.primary;

public interface PrimaryStorageConstant {
    String SERVICE_ID = "primaryStorage";
    String LOCAL_STORAGE_TYPE = "LocalStorage";
    String NFS_TYPE = "NFS";
}
