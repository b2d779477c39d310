package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

/** A resource pool of a vCenter cluster; parentUuid is null for the cluster's root pool ("Resources"). */
@Entity
@Table(name = "VCenterResourcePoolVO")
public class VCenterResourcePoolVO extends ResourceVO {
    @Column
    private String vCenterUuid;
    @Column
    private String vCenterClusterUuid;
    @Column
    private String name;
    @Column
    private String morVal;
    @Column
    private String parentUuid;
    @Column(name = "CPULimit")
    private Long CPULimit;
    @Column(name = "CPUOverheadLimit")
    private Long CPUOverheadLimit;
    @Column(name = "CPUReservation")
    private Long CPUReservation;
    @Column(name = "CPUShares")
    private Long CPUShares;
    @Column(name = "CPULevel")
    private String CPULevel;
    @Column
    private Long memoryLimit;
    @Column
    private Long memoryOverheadLimit;
    @Column
    private Long memoryReservation;
    @Column
    private Long memoryShares;
    @Column
    private String memoryLevel;

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public String getVCenterClusterUuid() { return vCenterClusterUuid; }
    public void setVCenterClusterUuid(String vCenterClusterUuid) { this.vCenterClusterUuid = vCenterClusterUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMorVal() { return morVal; }
    public void setMorVal(String morVal) { this.morVal = morVal; }
    public String getParentUuid() { return parentUuid; }
    public void setParentUuid(String parentUuid) { this.parentUuid = parentUuid; }
    public Long getCPULimit() { return CPULimit; }
    public void setCPULimit(Long v) { CPULimit = v; }
    public Long getCPUOverheadLimit() { return CPUOverheadLimit; }
    public void setCPUOverheadLimit(Long v) { CPUOverheadLimit = v; }
    public Long getCPUReservation() { return CPUReservation; }
    public void setCPUReservation(Long v) { CPUReservation = v; }
    public Long getCPUShares() { return CPUShares; }
    public void setCPUShares(Long v) { CPUShares = v; }
    public String getCPULevel() { return CPULevel; }
    public void setCPULevel(String v) { CPULevel = v; }
    public Long getMemoryLimit() { return memoryLimit; }
    public void setMemoryLimit(Long memoryLimit) { this.memoryLimit = memoryLimit; }
    public Long getMemoryOverheadLimit() { return memoryOverheadLimit; }
    public void setMemoryOverheadLimit(Long memoryOverheadLimit) { this.memoryOverheadLimit = memoryOverheadLimit; }
    public Long getMemoryReservation() { return memoryReservation; }
    public void setMemoryReservation(Long memoryReservation) { this.memoryReservation = memoryReservation; }
    public Long getMemoryShares() { return memoryShares; }
    public void setMemoryShares(Long memoryShares) { this.memoryShares = memoryShares; }
    public String getMemoryLevel() { return memoryLevel; }
    public void setMemoryLevel(String memoryLevel) { this.memoryLevel = memoryLevel; }
}
