package org.zstack.header.host;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

/** A physical host of a cluster. Hypervisor-specific columns live in the joined table of a subclass (KVMHostVO). */
@Entity
@Table(name = "HostVO")
@Inheritance(strategy = InheritanceType.JOINED)
public class HostVO extends ResourceVO {
    @Column
    private String zoneUuid;
    @Column
    private String clusterUuid;
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String managementIp;
    @Column
    private String hypervisorType;
    @Column
    @Enumerated(EnumType.STRING)
    private HostState state;
    @Column
    @Enumerated(EnumType.STRING)
    private HostStatus status;
    @Column
    private String architecture;
    @Column
    private Integer cpuNum;
    @Column
    private Long totalMemory;
    @Column
    private Long availableMemory;
    /** The node that set the host Connecting (the one connecting it); a live node reconnects it when that node is gone. */
    @Column
    private String managementNodeUuid;

    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getManagementIp() { return managementIp; }
    public void setManagementIp(String managementIp) { this.managementIp = managementIp; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public HostState getState() { return state; }
    public void setState(HostState state) { this.state = state; }
    public HostStatus getStatus() { return status; }
    public void setStatus(HostStatus status) { this.status = status; }
    public String getArchitecture() { return architecture; }
    public void setArchitecture(String architecture) { this.architecture = architecture; }
    public Integer getCpuNum() { return cpuNum; }
    public void setCpuNum(Integer cpuNum) { this.cpuNum = cpuNum; }
    public Long getTotalMemory() { return totalMemory; }
    public void setTotalMemory(Long totalMemory) { this.totalMemory = totalMemory; }
    public String getManagementNodeUuid() { return managementNodeUuid; }
    public void setManagementNodeUuid(String managementNodeUuid) { this.managementNodeUuid = managementNodeUuid; }
    public Long getAvailableMemory() { return availableMemory; }
    public void setAvailableMemory(Long availableMemory) { this.availableMemory = availableMemory; }
}
