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
    @Column
    private String datacenterUuid;
    @Column
    private String morval;
    @Column
    private boolean standalone;

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public String getDatacenterUuid() { return datacenterUuid; }
    public void setDatacenterUuid(String datacenterUuid) { this.datacenterUuid = datacenterUuid; }
    public String getMorval() { return morval; }
    public void setMorval(String morval) { this.morval = morval; }
    public boolean isStandalone() { return standalone; }
    public void setStandalone(boolean standalone) { this.standalone = standalone; }
}
