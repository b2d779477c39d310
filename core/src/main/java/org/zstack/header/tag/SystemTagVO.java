package org.zstack.header.tag;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

/** A system tag: a typed "key::value" string attached to a resource (e.g. conversion::network::cidr::10.0.0.0/24). */
@Entity
@Table(name = "SystemTagVO")
public class SystemTagVO extends ResourceVO {
    @Column
    private String resourceUuid;
    @Column
    private String resourceType;
    @Column
    private String tag;
    @Column
    private String type = "System";
    @Column
    private boolean inherent;

    public String getResourceUuid() { return resourceUuid; }
    public void setResourceUuid(String resourceUuid) { this.resourceUuid = resourceUuid; }
    public String getResourceType() { return resourceType; }
    public void setResourceType(String resourceType) { this.resourceType = resourceType; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public boolean isInherent() { return inherent; }
    public void setInherent(boolean inherent) { this.inherent = inherent; }
}
