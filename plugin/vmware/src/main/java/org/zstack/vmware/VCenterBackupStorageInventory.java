package org.zstack.vmware;

import java.sql.Timestamp;

/**
 * The shape ZStack gives a vCenter backup storage, so that the generated SDKs know QueryVCenterBackupStorage; no
 * answer of this service ever holds one (see APIQueryVCenterBackupStorageMsg).
 */
public class VCenterBackupStorageInventory {
    private String uuid;
    private String name;
    private String description;
    private String url;
    private Long totalCapacity;
    private Long availableCapacity;
    private String type;
    private String state;
    private String status;
    private String vCenterUuid;
    private String datastore;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public String getUuid() { return uuid; }
    public String getVCenterUuid() { return vCenterUuid; }
}
