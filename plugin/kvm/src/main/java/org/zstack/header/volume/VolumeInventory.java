package org.zstack.header.volume;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = VolumeVO.class)
public class VolumeInventory {
    private String uuid;
    private String name;
    private String description;
    private String vmInstanceUuid;
    private String primaryStorageUuid;
    private String installPath;
    private String type;
    private String format;
    private Long size;
    private Long actualSize;
    private Integer deviceId;
    private String state;
    private String status;
    /** Thin provisioned at the source hypervisor (an ESX VM's disk); null when not known. */
    private Boolean thin;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static VolumeInventory valueOf(VolumeVO vo) {
        VolumeInventory inv = new VolumeInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.vmInstanceUuid = vo.getVmInstanceUuid();
        inv.primaryStorageUuid = vo.getPrimaryStorageUuid();
        inv.installPath = vo.getInstallPath();
        inv.type = vo.getType() == null ? null : vo.getType().toString();
        inv.format = vo.getFormat();
        inv.size = vo.getSize();
        inv.actualSize = vo.getActualSize();
        inv.deviceId = vo.getDeviceId();
        inv.state = vo.getState() == null ? null : vo.getState().toString();
        inv.status = vo.getStatus() == null ? null : vo.getStatus().toString();
        inv.thin = vo.thin();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public Integer getDeviceId() { return deviceId; }
    public String getInstallPath() { return installPath; }
    public Long getSize() { return size; }
}
