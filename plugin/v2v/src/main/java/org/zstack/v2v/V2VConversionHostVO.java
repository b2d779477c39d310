package org.zstack.v2v;

import jakarta.persistence.*;
import org.zstack.header.vo.ResourceVO;

/** ZStack's published layout of a conversion host: a host of the target cluster that does the migration work. */
@Entity
@Table(name = "V2VConversionHostVO")
public class V2VConversionHostVO extends ResourceVO {
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String type;
    @Column
    private String hostUuid;
    @Column
    private String storagePath;
    @Column
    @Enumerated(EnumType.STRING)
    private V2VConversionHostState state;
    @Column
    private long totalSize;
    @Column
    private long availableSize;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getHostUuid() { return hostUuid; }
    public void setHostUuid(String hostUuid) { this.hostUuid = hostUuid; }
    public String getStoragePath() { return storagePath; }
    public void setStoragePath(String storagePath) { this.storagePath = storagePath; }
    public V2VConversionHostState getState() { return state; }
    public void setState(V2VConversionHostState state) { this.state = state; }
    public long getTotalSize() { return totalSize; }
    public void setTotalSize(long totalSize) { this.totalSize = totalSize; }
    public long getAvailableSize() { return availableSize; }
    public void setAvailableSize(long availableSize) { this.availableSize = availableSize; }
}
