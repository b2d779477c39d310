package org.zstack.header.network.l2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

@Entity
@Table(name = "L2NetworkVO")
public class L2NetworkVO extends ResourceVO {
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String type;
    @Column
    private String vSwitchType;
    @Column
    private String zoneUuid;
    @Column
    private String physicalInterface;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getvSwitchType() { return vSwitchType; }
    public void setvSwitchType(String vSwitchType) { this.vSwitchType = vSwitchType; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getPhysicalInterface() { return physicalInterface; }
    public void setPhysicalInterface(String physicalInterface) { this.physicalInterface = physicalInterface; }
}
