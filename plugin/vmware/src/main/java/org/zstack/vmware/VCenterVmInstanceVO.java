package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.vm.VmInstanceVO;

/**
 * What vSphere says of an ESX VM beyond the VM instance: its identity in the vCenter (morval, instanceUuid: a
 * re-sync finds the VM by them and keeps its uuid), firmware (bios or efi), power state in vSphere's words
 * (poweredOn, poweredOff, suspended), guest id.
 */
@Entity
@Table(name = "VCenterVmInstanceVO")
@PrimaryKeyJoinColumn(name = "uuid", referencedColumnName = "uuid")
public class VCenterVmInstanceVO extends VmInstanceVO {
    @Column
    private String vCenterUuid;
    @Column
    private String datacenterUuid;
    @Column
    private String resourcePoolUuid;
    @Column
    private String morval;
    @Column
    private String instanceUuid;
    @Column
    private String biosUuid;
    @Column
    private String firmware;
    @Column
    private String powerState;
    @Column
    private String guestId;
    @Column
    private String guestFullName;
    @Column
    private String vmxVersion;
    @Column
    private Integer numCoresPerSocket;
    @Column
    private boolean changeTrackingEnabled;
    @Column
    private String vmPathName;

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public String getDatacenterUuid() { return datacenterUuid; }
    public void setDatacenterUuid(String datacenterUuid) { this.datacenterUuid = datacenterUuid; }
    public String getResourcePoolUuid() { return resourcePoolUuid; }
    public void setResourcePoolUuid(String resourcePoolUuid) { this.resourcePoolUuid = resourcePoolUuid; }
    public String getMorval() { return morval; }
    public void setMorval(String morval) { this.morval = morval; }
    public String getInstanceUuid() { return instanceUuid; }
    public void setInstanceUuid(String instanceUuid) { this.instanceUuid = instanceUuid; }
    public String getBiosUuid() { return biosUuid; }
    public void setBiosUuid(String biosUuid) { this.biosUuid = biosUuid; }
    public String getFirmware() { return firmware; }
    public void setFirmware(String firmware) { this.firmware = firmware; }
    public String getPowerState() { return powerState; }
    public void setPowerState(String powerState) { this.powerState = powerState; }
    public String getGuestId() { return guestId; }
    public void setGuestId(String guestId) { this.guestId = guestId; }
    public String getGuestFullName() { return guestFullName; }
    public void setGuestFullName(String guestFullName) { this.guestFullName = guestFullName; }
    public String getVmxVersion() { return vmxVersion; }
    public void setVmxVersion(String vmxVersion) { this.vmxVersion = vmxVersion; }
    public Integer getNumCoresPerSocket() { return numCoresPerSocket; }
    public void setNumCoresPerSocket(Integer numCoresPerSocket) { this.numCoresPerSocket = numCoresPerSocket; }
    public boolean isChangeTrackingEnabled() { return changeTrackingEnabled; }
    public void setChangeTrackingEnabled(boolean changeTrackingEnabled) { this.changeTrackingEnabled = changeTrackingEnabled; }
    public String getVmPathName() { return vmPathName; }
    public void setVmPathName(String vmPathName) { this.vmPathName = vmPathName; }
}
