package org.zstack.vmware;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

/** A resource pool of a vCenter cluster, with its CPU (MHz) and memory (MB) allocation as vSphere states it. */
@Inventory(mappingVOClass = VCenterResourcePoolVO.class)
public class VCenterResourcePoolInventory {
    private String uuid;
    private String vCenterUuid;
    private String vCenterClusterUuid;
    private String name;
    private String morVal;
    private String parentUuid;
    private Long CPULimit;
    private Long CPUOverheadLimit;
    private Long CPUReservation;
    private Long CPUShares;
    private String CPULevel;
    private Long memoryLimit;
    private Long memoryOverheadLimit;
    private Long memoryReservation;
    private Long memoryShares;
    private String memoryLevel;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static VCenterResourcePoolInventory valueOf(VCenterResourcePoolVO vo) {
        VCenterResourcePoolInventory inv = new VCenterResourcePoolInventory();
        inv.uuid = vo.getUuid();
        inv.vCenterUuid = vo.getVCenterUuid();
        inv.vCenterClusterUuid = vo.getVCenterClusterUuid();
        inv.name = vo.getName();
        inv.morVal = vo.getMorVal();
        inv.parentUuid = vo.getParentUuid();
        inv.CPULimit = vo.getCPULimit();
        inv.CPUOverheadLimit = vo.getCPUOverheadLimit();
        inv.CPUReservation = vo.getCPUReservation();
        inv.CPUShares = vo.getCPUShares();
        inv.CPULevel = vo.getCPULevel();
        inv.memoryLimit = vo.getMemoryLimit();
        inv.memoryOverheadLimit = vo.getMemoryOverheadLimit();
        inv.memoryReservation = vo.getMemoryReservation();
        inv.memoryShares = vo.getMemoryShares();
        inv.memoryLevel = vo.getMemoryLevel();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }
}
