package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.vm.VmInstanceVO;

/**
 * What vSphere says of an ESX VM beyond the VM instance: its identity in the vCenter (morval, instanceUuid: a
 * re-sync finds the VM by them and keeps its uuid), firmware (bios or efi), power state in vSphere's words
 * (poweredOn, poweredOff, suspended), guest id, boot order and secure boot, encryption, connected CD/DVD and floppy images.
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
    /** config.bootOptions.bootOrder as "disk:2001,cdrom,ethernet:4000,floppy"; null: the firmware's own order. */
    @Column
    private String bootOrder;
    /** The disk the VM boots from (the first disk of the boot order); null when the boot order names none. */
    @Column
    private Integer bootDiskKey;
    @Column
    private boolean secureBoot;
    /** vSphere VM Encryption: the VM has a key (config.keyId), so its files are encrypted. */
    @Column
    private boolean encrypted;
    /** The CD/DVD and floppy drives holding an image or a host's device, "label: file" joined by "; "; null: none. */
    @Column
    private String connectedMedia;

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
    public String getBootOrder() { return bootOrder; }
    public void setBootOrder(String bootOrder) { this.bootOrder = bootOrder; }
    public Integer getBootDiskKey() { return bootDiskKey; }
    public void setBootDiskKey(Integer bootDiskKey) { this.bootDiskKey = bootDiskKey; }
    public boolean isSecureBoot() { return secureBoot; }
    public void setSecureBoot(boolean secureBoot) { this.secureBoot = secureBoot; }
    public boolean isEncrypted() { return encrypted; }
    public void setEncrypted(boolean encrypted) { this.encrypted = encrypted; }
    public String getConnectedMedia() { return connectedMedia; }
    public void setConnectedMedia(String connectedMedia) { this.connectedMedia = connectedMedia; }
}
