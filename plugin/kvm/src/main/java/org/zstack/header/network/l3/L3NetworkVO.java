package org.zstack.header.network.l3;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

@Entity
@Table(name = "L3NetworkVO")
public class L3NetworkVO extends ResourceVO {
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String type;
    /** Always the zone of its L2 network, kept here so queries by zone need no join. */
    @Column
    private String zoneUuid;
    @Column
    private String l2NetworkUuid;
    @Column
    @Enumerated(EnumType.STRING)
    private L3NetworkState state;
    @Column
    @Enumerated(EnumType.STRING)
    private L3NetworkCategory category;
    @Column
    private boolean system;
    @Column
    private String dnsDomain;
    @Column
    private int ipVersion;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getL2NetworkUuid() { return l2NetworkUuid; }
    public void setL2NetworkUuid(String l2NetworkUuid) { this.l2NetworkUuid = l2NetworkUuid; }
    public L3NetworkState getState() { return state; }
    public void setState(L3NetworkState state) { this.state = state; }
    public L3NetworkCategory getCategory() { return category; }
    public void setCategory(L3NetworkCategory category) { this.category = category; }
    public boolean isSystem() { return system; }
    public void setSystem(boolean system) { this.system = system; }
    public String getDnsDomain() { return dnsDomain; }
    public void setDnsDomain(String dnsDomain) { this.dnsDomain = dnsDomain; }
    public int getIpVersion() { return ipVersion; }
    public void setIpVersion(int ipVersion) { this.ipVersion = ipVersion; }
}
