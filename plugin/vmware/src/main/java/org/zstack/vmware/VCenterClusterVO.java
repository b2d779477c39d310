package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.cluster.ClusterVO;

/**
 * A vCenter cluster (ClusterComputeResource), or a standalone ESX host's compute resource, as ZStack shows it: a
 * cluster of hypervisorType ESX.
 */
@Entity
@Table(name = "VCenterClusterVO")
@PrimaryKeyJoinColumn(name = "uuid", referencedColumnName = "uuid")
public class VCenterClusterVO extends ClusterVO {
    @Column
    private String vCenterUuid;
    /** ZStack's name for it on a cluster (its other vCenter records say datacenterUuid); the column kept its name. */
    @Column(name = "datacenterUuid")
    private String dataCenterUuid;
    @Column
    private String morval;
    @Column
    private boolean standalone;

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public String getDataCenterUuid() { return dataCenterUuid; }
    public void setDataCenterUuid(String dataCenterUuid) { this.dataCenterUuid = dataCenterUuid; }
    public String getMorval() { return morval; }
    public void setMorval(String morval) { this.morval = morval; }
    public boolean isStandalone() { return standalone; }
    public void setStandalone(boolean standalone) { this.standalone = standalone; }
}
