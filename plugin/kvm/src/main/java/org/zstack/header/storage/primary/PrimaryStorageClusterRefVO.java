package org.zstack.header.storage.primary;

import jakarta.persistence.*;

@Entity
@Table(name = "PrimaryStorageClusterRefVO")
public class PrimaryStorageClusterRefVO {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column
    private String primaryStorageUuid;
    @Column
    private String clusterUuid;

    public long getId() { return id; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
}
