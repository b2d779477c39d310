package org.zstack.header.vm;

import jakarta.persistence.*;
import org.hibernate.annotations.BatchSize;
import org.zstack.header.vo.ResourceVO;
import org.zstack.header.volume.VolumeVO;

import java.util.HashSet;
import java.util.Set;

/**
 * A VM instance: a KVM VM of the target cloud, or a VM of another hypervisor the node knows about (an ESX VM that
 * a vCenter sync found). Hypervisor-specific columns live in the joined table of a subclass.
 * <p>
 * The NICs and volumes are read when first used, for up to 100 VMs of the session at a time (batch fetching, by
 * their uuids), and only inside a transaction; they are never written through the VM. Not by subselect: a subselect
 * repeats the VMs' query without its limit, so a page of 100 VMs read the NICs and volumes of every VM of the table
 * (a page of the console's VM list cost 130-420 ms with 15,000 VMs, against 30-60 ms with 3,000).
 */
@Entity
@Table(name = "VmInstanceVO")
@Inheritance(strategy = InheritanceType.JOINED)
public class VmInstanceVO extends ResourceVO {
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String zoneUuid;
    @Column
    private String clusterUuid;
    @Column
    private String hostUuid;
    @Column
    private String hypervisorType;
    @Column
    private String type;
    @Column
    @Enumerated(EnumType.STRING)
    private VmInstanceState state;
    @Column
    private String platform;
    @Column
    private String guestOsType;
    @Column
    private Integer cpuNum;
    @Column
    private Long memorySize;
    @Column
    private String architecture;
    @Column
    private String rootVolumeUuid;

    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "vmInstanceUuid", insertable = false, updatable = false)
    @BatchSize(size = 100)
    private Set<VmNicVO> vmNics = new HashSet<>();

    @OneToMany(fetch = FetchType.LAZY)
    @JoinColumn(name = "vmInstanceUuid", insertable = false, updatable = false)
    @BatchSize(size = 100)
    private Set<VolumeVO> allVolumes = new HashSet<>();

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public VmInstanceState getState() { return state; }
    public void setState(VmInstanceState state) { this.state = state; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getGuestOsType() { return guestOsType; }
    public void setGuestOsType(String guestOsType) { this.guestOsType = guestOsType; }
    public Integer getCpuNum() { return cpuNum; }
    public void setCpuNum(Integer cpuNum) { this.cpuNum = cpuNum; }
    public Long getMemorySize() { return memorySize; }
    public void setMemorySize(Long memorySize) { this.memorySize = memorySize; }
    public String getArchitecture() { return architecture; }
    public void setArchitecture(String architecture) { this.architecture = architecture; }
    public String getRootVolumeUuid() { return rootVolumeUuid; }
    public void setRootVolumeUuid(String rootVolumeUuid) { this.rootVolumeUuid = rootVolumeUuid; }
    public Set<VmNicVO> getVmNics() { return vmNics; }
    public Set<VolumeVO> getAllVolumes() { return allVolumes; }
}
