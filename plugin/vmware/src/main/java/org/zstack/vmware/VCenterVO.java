package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

import java.sql.Timestamp;

/**
 * A vCenter the node reads VMs from. The password is encrypted by the node's EncryptionFacade (the key is in the
 * node's secret file, not in the database) and never leaves the node; thumbprint is the SHA-1 of the certificate
 * seen when the vCenter was added, which every later connection must show again.
 */
@Entity
@Table(name = "VCenterVO")
public class VCenterVO extends ResourceVO {
    @Column
    private String zoneUuid;
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String domainName;
    @Column
    private int port;
    @Column
    private boolean https;
    @Column
    private String userName;
    @Column
    private String password;
    @Column
    private String version;
    @Column
    private String apiVersion;
    @Column
    private String thumbprint;
    /** about.instanceUuid: the same vCenter by whatever address it is reached; unique among the vCenters added */
    @Column
    private String instanceUuid;
    @Column
    @Enumerated(EnumType.STRING)
    private VCenterState state;
    @Column
    @Enumerated(EnumType.STRING)
    private VCenterStatus status;
    @Column
    private Timestamp lastSyncDate;
    @Column
    private String lastSyncError;

    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getDomainName() { return domainName; }
    public void setDomainName(String domainName) { this.domainName = domainName; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public boolean isHttps() { return https; }
    public void setHttps(boolean https) { this.https = https; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public String getApiVersion() { return apiVersion; }
    public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
    public String getThumbprint() { return thumbprint; }
    public void setThumbprint(String thumbprint) { this.thumbprint = thumbprint; }
    public String getInstanceUuid() { return instanceUuid; }
    public void setInstanceUuid(String instanceUuid) { this.instanceUuid = instanceUuid; }
    public VCenterState getState() { return state; }
    public void setState(VCenterState state) { this.state = state; }
    public VCenterStatus getStatus() { return status; }
    public void setStatus(VCenterStatus status) { this.status = status; }
    public Timestamp getLastSyncDate() { return lastSyncDate; }
    public void setLastSyncDate(Timestamp lastSyncDate) { this.lastSyncDate = lastSyncDate; }
    public String getLastSyncError() { return lastSyncError; }
    public void setLastSyncError(String lastSyncError) { this.lastSyncError = lastSyncError; }

    /** Never the password, not even encrypted. */
    @Override
    public String toString() {
        return String.format("VCenterVO[uuid:%s, name:%s, %s:%d]", uuid, name, domainName, port);
    }
}
