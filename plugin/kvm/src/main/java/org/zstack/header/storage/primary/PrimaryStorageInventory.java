package org.zstack.header.storage.primary;

import org.zstack.core.db.Q;
import org.zstack.header.Inventory;

import java.sql.Timestamp;
import java.util.List;

@Inventory(mappingVOClass = PrimaryStorageVO.class)
public class PrimaryStorageInventory {
    private String uuid;
    private String zoneUuid;
    private String name;
    private String url;
    private String description;
    private Long totalCapacity;
    private Long availableCapacity;
    private Long totalPhysicalCapacity;
    private Long availablePhysicalCapacity;
    private String type;
    private String state;
    private String status;
    private String mountPath;
    private List<String> attachedClusterUuids;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static PrimaryStorageInventory valueOf(PrimaryStorageVO vo) {
        PrimaryStorageInventory inv = new PrimaryStorageInventory();
        inv.uuid = vo.getUuid();
        inv.zoneUuid = vo.getZoneUuid();
        inv.name = vo.getName();
        inv.url = vo.getUrl();
        inv.description = vo.getDescription();
        inv.totalCapacity = vo.getTotalCapacity();
        inv.availableCapacity = vo.getAvailableCapacity();
        inv.totalPhysicalCapacity = vo.getTotalCapacity();
        inv.availablePhysicalCapacity = vo.getAvailableCapacity();
        inv.type = vo.getType();
        inv.state = vo.getState().toString();
        inv.status = vo.getStatus().toString();
        inv.mountPath = vo.getMountPath();
        inv.attachedClusterUuids = Q.New(PrimaryStorageClusterRefVO.class)
                .eq(PrimaryStorageClusterRefVO_.primaryStorageUuid, vo.getUuid())
                .listValues(PrimaryStorageClusterRefVO_.clusterUuid);
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getType() { return type; }
    public String getUrl() { return url; }
    public String getMountPath() { return mountPath; }
    public String getZoneUuid() { return zoneUuid; }
}
