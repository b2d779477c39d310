package org.zstack.header.storage.primary;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

/** Where VM disks live on the target: a directory on each host (LocalStorage) or an NFS export (NFS). */
@Entity
@Table(name = "PrimaryStorageVO")
@Inheritance(strategy = InheritanceType.JOINED)
public class PrimaryStorageVO extends ResourceVO {
    @Column
    private String zoneUuid;
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String url;
    @Column
    private String type;
    @Column
    private String mountPath;
    @Column
    @Enumerated(EnumType.STRING)
    private PrimaryStorageState state;
    @Column
    @Enumerated(EnumType.STRING)
    private PrimaryStorageStatus status;
    @Column
    private long totalCapacity;
    @Column
    private long availableCapacity;

    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getMountPath() { return mountPath; }
    public void setMountPath(String mountPath) { this.mountPath = mountPath; }
    public PrimaryStorageState getState() { return state; }
    public void setState(PrimaryStorageState state) { this.state = state; }
    public PrimaryStorageStatus getStatus() { return status; }
    public void setStatus(PrimaryStorageStatus status) { this.status = status; }
    public long getTotalCapacity() { return totalCapacity; }
    public void setTotalCapacity(long totalCapacity) { this.totalCapacity = totalCapacity; }
    public long getAvailableCapacity() { return availableCapacity; }
    public void setAvailableCapacity(long availableCapacity) { this.availableCapacity = availableCapacity; }
}
