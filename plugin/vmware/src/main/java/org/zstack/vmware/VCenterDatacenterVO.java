package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

@Entity
@Table(name = "VCenterDatacenterVO")
public class VCenterDatacenterVO extends ResourceVO {
    @Column
    private String vCenterUuid;
    @Column
    private String name;
    @Column
    private String morval;

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMorval() { return morval; }
    public void setMorval(String morval) { this.morval = morval; }
}
