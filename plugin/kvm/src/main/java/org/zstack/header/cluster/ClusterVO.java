package org.zstack.header.cluster;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

@Entity
@Table(name = "ClusterVO")
@Inheritance(strategy = InheritanceType.JOINED)
public class ClusterVO extends ResourceVO {
    @Column
    private String zoneUuid;
    @Column
    private String name;
    @Column
    private String description;
    @Column
    @Enumerated(EnumType.STRING)
    private ClusterState state;
    @Column
    private String hypervisorType;
    @Column
    private String type;
    @Column
    private String architecture;

    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public ClusterState getState() { return state; }
    public void setState(ClusterState state) { this.state = state; }
    public String getHypervisorType() { return hypervisorType; }
    public void setHypervisorType(String hypervisorType) { this.hypervisorType = hypervisorType; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getArchitecture() { return architecture; }
    public void setArchitecture(String architecture) { this.architecture = architecture; }
}
