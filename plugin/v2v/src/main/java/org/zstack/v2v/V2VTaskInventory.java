package org.zstack.v2v;

import org.zstack.core.db.Q;
import org.zstack.header.Inventory;

import java.sql.Timestamp;
import java.util.List;

/** A migration task with its jobs, one per source VM, in the order they were submitted. */
@Inventory(mappingVOClass = V2VTaskVO.class)
public class V2VTaskInventory {
    private String uuid;
    private String name;
    private String description;
    private String conversionHostUuid;
    private String zoneUuid;
    private String clusterUuid;
    private String hostUuid;
    private String primaryStorageUuid;
    private String strategy;
    private Boolean compress;
    private Timestamp createDate;
    private Timestamp lastOpDate;
    private List<V2VJobInventory> jobs;

    public static V2VTaskInventory valueOf(V2VTaskVO vo) {
        V2VTaskInventory inv = new V2VTaskInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.conversionHostUuid = vo.getConversionHostUuid();
        inv.zoneUuid = vo.getZoneUuid();
        inv.clusterUuid = vo.getClusterUuid();
        inv.hostUuid = vo.getHostUuid();
        inv.primaryStorageUuid = vo.getPrimaryStorageUuid();
        inv.strategy = vo.getStrategy();
        inv.compress = vo.isCompress();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        inv.jobs = Q.New(V2VJobVO.class).eq(V2VJobVO_.taskUuid, vo.getUuid()).orderBy(V2VJobVO_.createDate, true)
                .list().stream().map(V2VJobInventory::valueOf).toList();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getConversionHostUuid() { return conversionHostUuid; }
    public String getZoneUuid() { return zoneUuid; }
    public String getClusterUuid() { return clusterUuid; }
    public String getHostUuid() { return hostUuid; }
    public String getPrimaryStorageUuid() { return primaryStorageUuid; }
    public String getStrategy() { return strategy; }
    public Boolean getCompress() { return compress; }
    public Timestamp getCreateDate() { return createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
    public List<V2VJobInventory> getJobs() { return jobs; }
}
