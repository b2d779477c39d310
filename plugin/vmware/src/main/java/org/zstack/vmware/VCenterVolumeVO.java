package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.volume.VolumeVO;

/**
 * An ESX VM's disk: its vSphere device key, the datastore it is on, thin or thick, its mode and backing (sharing,
 * RDM compatibility mode), and its place on the controller. The volume's installPath is the datastore path, its size the capacity.
 */
@Entity
@Table(name = "VCenterVolumeVO")
@PrimaryKeyJoinColumn(name = "uuid", referencedColumnName = "uuid")
public class VCenterVolumeVO extends VolumeVO {
    @Column
    private String vCenterUuid;
    @Column
    private int deviceKey;
    @Column
    private String datastoreMorval;
    @Column
    private Boolean thin;
    @Column
    private String diskMode;
    @Column
    private String backingType;
    @Column
    private String diskUuid;
    @Column
    private Integer controllerKey;
    @Column
    private Integer unitNumber;
    /** The vSphere type of its controller (ParaVirtualSCSIController, VirtualAHCIController, VirtualIDEController...). */
    @Column
    private String controllerType;
    /** sharingNone or sharingMultiWriter (a disk several VMs write at once); null when vSphere says nothing. */
    @Column
    private String sharing;
    /** An RDM's physicalMode or virtualMode; null for a disk in a file. */
    @Column
    private String compatibilityMode;

    @Override
    public Boolean thin() {
        return thin;
    }

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public int getDeviceKey() { return deviceKey; }
    public void setDeviceKey(int deviceKey) { this.deviceKey = deviceKey; }
    public String getDatastoreMorval() { return datastoreMorval; }
    public void setDatastoreMorval(String datastoreMorval) { this.datastoreMorval = datastoreMorval; }
    public Boolean getThin() { return thin; }
    public void setThin(Boolean thin) { this.thin = thin; }
    public String getDiskMode() { return diskMode; }
    public void setDiskMode(String diskMode) { this.diskMode = diskMode; }
    public String getBackingType() { return backingType; }
    public void setBackingType(String backingType) { this.backingType = backingType; }
    public String getDiskUuid() { return diskUuid; }
    public void setDiskUuid(String diskUuid) { this.diskUuid = diskUuid; }
    public String getControllerType() { return controllerType; }
    public void setControllerType(String controllerType) { this.controllerType = controllerType; }
    public Integer getControllerKey() { return controllerKey; }
    public void setControllerKey(Integer controllerKey) { this.controllerKey = controllerKey; }
    public Integer getUnitNumber() { return unitNumber; }
    public void setUnitNumber(Integer unitNumber) { this.unitNumber = unitNumber; }
    public String getSharing() { return sharing; }
    public void setSharing(String sharing) { this.sharing = sharing; }
    public String getCompatibilityMode() { return compatibilityMode; }
    public void setCompatibilityMode(String compatibilityMode) { this.compatibilityMode = compatibilityMode; }
}
