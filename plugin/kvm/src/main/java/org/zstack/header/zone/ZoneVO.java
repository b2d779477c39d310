package org.zstack.header.zone;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

@Entity
@Table(name = "ZoneVO")
public class ZoneVO extends ResourceVO {
    @Column
    private String name;
    @Column
    private String description;
    @Column
    @Enumerated(EnumType.STRING)
    private ZoneState state;
    @Column
    private String type;
    @Column
    private boolean isDefault;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public ZoneState getState() { return state; }
    public void setState(ZoneState state) { this.state = state; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public boolean isDefault() { return isDefault; }
    public void setDefault(boolean isDefault) { this.isDefault = isDefault; }
}
