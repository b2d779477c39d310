package org.zstack.header.storage.primary;

import jakarta.persistence.*;

/**
 * What one host sees of a primary storage: its own directory (local storage) or its mount of the share (NFS).
 * A local storage's capacity is the sum over its hosts; an NFS one is the same share seen from every host.
 */
@Entity
@Table(name = "PrimaryStorageHostRefVO")
public class PrimaryStorageHostRefVO {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    @Column
    private String primaryStorageUuid;
    @Column
    private String hostUuid;
    @Column
    private long totalCapacity;
    @Column
    private long availableCapacity;

    public long getId() { return id; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public long getTotalCapacity() { return totalCapacity; }
    public void setTotalCapacity(long totalCapacity) { this.totalCapacity = totalCapacity; }
    public long getAvailableCapacity() { return availableCapacity; }
    public void setAvailableCapacity(long availableCapacity) { this.availableCapacity = availableCapacity; }
}
