package org.zstack.v2v;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

/** One submission of the migration wizard: the VMs moved together onto one target, each its own job. */
@Entity
@Table(name = "V2VTaskVO")
public class V2VTaskVO extends ResourceVO {
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String conversionHostUuid;
    @Column
    private String zoneUuid;
    @Column
    private String clusterUuid;
    @Column
    private String hostUuid;
    @Column
    private String primaryStorageUuid;
    @Column
    private String strategy;
    @Column
    private boolean compress;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getConversionHostUuid() { return conversionHostUuid; }
    public void setConversionHostUuid(String conversionHostUuid) { this.conversionHostUuid = conversionHostUuid; }
    public String getZoneUuid() { return zoneUuid; }
    public void setZoneUuid(String zoneUuid) { this.zoneUuid = zoneUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public void setClusterUuid(String clusterUuid) { this.clusterUuid = clusterUuid; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public void setPrimaryStorageUuid(String primaryStorageUuid) { this.primaryStorageUuid = primaryStorageUuid; }
    public String getStrategy() { return strategy; }
    public void setStrategy(String strategy) { this.strategy = strategy; }
    public boolean isCompress() { return compress; }
    public void setCompress(boolean compress) { this.compress = compress; }
}
