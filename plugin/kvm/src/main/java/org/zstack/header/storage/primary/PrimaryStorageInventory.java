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
        inv.fill(vo);
        return inv;
    }

    /** For inventories of primary storage subclasses (VCenterPrimaryStorageInventory). */
    protected void fill(PrimaryStorageVO vo) {
        uuid = vo.getUuid();
        zoneUuid = vo.getZoneUuid();
        name = vo.getName();
        url = vo.getUrl();
        description = vo.getDescription();
        totalCapacity = vo.getTotalCapacity();
        availableCapacity = vo.getAvailableCapacity();
        totalPhysicalCapacity = vo.getTotalCapacity();
        availablePhysicalCapacity = vo.getAvailableCapacity();
        type = vo.getType();
        state = vo.getState().toString();
        status = vo.getStatus().toString();
        mountPath = vo.getMountPath();
        attachedClusterUuids = Q.New(PrimaryStorageClusterRefVO.class)
                .eq(PrimaryStorageClusterRefVO_.primaryStorageUuid, vo.getUuid())
                .listValues(PrimaryStorageClusterRefVO_.clusterUuid);
        createDate = vo.getCreateDate();
        lastOpDate = vo.getLastOpDate();
    }

    public String getUuid() { return uuid; }
    public String getType() { return type; }
    public String getUrl() { return url; }
    public String getMountPath() { return mountPath; }
    public String getZoneUuid() { return zoneUuid; }
}
