package org.zstack.header.volume;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

/**
 * A disk of a VM instance. installPath is where the disk is on its primary storage: a file path for KVM, a
 * datastore path ("[datastore1] vm/vm.vmdk") for an ESX VM's disk. size is the virtual size in bytes, actualSize
 * what it occupies (null when unknown). A subclass keeps what its hypervisor says of the disk.
 */
@Entity
@Table(name = "VolumeVO")
@Inheritance(strategy = InheritanceType.JOINED)
public class VolumeVO extends ResourceVO {
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String vmInstanceUuid;
    @Column
    private String primaryStorageUuid;
    @Column
    private String installPath;
    @Column
    @Enumerated(EnumType.STRING)
    private VolumeType type;
    @Column
    private String format;
    @Column
    private Long size;
    @Column
    private Long actualSize;
    @Column
    private Integer deviceId;
    @Column
    @Enumerated(EnumType.STRING)
    private VolumeState state;
    @Column
    @Enumerated(EnumType.STRING)
    private VolumeStatus status;

    /** Whether the disk is thin provisioned at its source hypervisor, or null when not known. */
    public Boolean thin() {
        return null;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getVmInstanceUuid() { return vmInstanceUuid; }
    public void setVmInstanceUuid(String vmInstanceUuid) { this.vmInstanceUuid = vmInstanceUuid; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
    public String getInstallPath() { return installPath; }
    public void setInstallPath(String installPath) { this.installPath = installPath; }
    public VolumeType getType() { return type; }
    public void setType(VolumeType type) { this.type = type; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public Long getSize() { return size; }
    public void setSize(Long size) { this.size = size; }
    public Long getActualSize() { return actualSize; }
    public void setActualSize(Long actualSize) { this.actualSize = actualSize; }
    public Integer getDeviceId() { return deviceId; }
    public void setDeviceId(Integer deviceId) { this.deviceId = deviceId; }
    public VolumeState getState() { return state; }
    public void setState(VolumeState state) { this.state = state; }
    public VolumeStatus getStatus() { return status; }
    public void setStatus(VolumeStatus status) { this.status = status; }
}
