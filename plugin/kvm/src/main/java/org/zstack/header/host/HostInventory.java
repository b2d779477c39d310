package org.zstack.header.host;

import org.zstack.header.Inventory;
import org.zstack.kvm.KVMHostInventory;
import org.zstack.kvm.KVMHostVO;

import java.sql.Timestamp;

@Inventory(mappingVOClass = HostVO.class)
public class HostInventory {
    private String uuid;
    private String zoneUuid;
    private String clusterUuid;
    private String name;
    private String description;
    private String managementIp;
    private String hypervisorType;
    private String state;
    private String status;
    private String architecture;
    private Integer cpuNum;
    private Long totalMemoryCapacity;
    private Long availableMemoryCapacity;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /**
     * A KVM host comes back as a KVMHostInventory, the class ZStack's SDK expects in the schema; a host of another
     * hypervisor as the inventory its VO provides.
     */
    public static HostInventory valueOf(HostVO vo) {
        if (vo instanceof KVMHostVO k) {
            return KVMHostInventory.valueOf(k);
        }
        if (vo instanceof HostInventoryProvider p) {
            return p.toInventory();
        }
        HostInventory inv = new HostInventory();
        inv.fill(vo);
        return inv;
    }

    protected void fill(HostVO vo) {
        uuid = vo.getUuid();
        zoneUuid = vo.getZoneUuid();
        clusterUuid = vo.getClusterUuid();
        name = vo.getName();
        description = vo.getDescription();
        managementIp = vo.getManagementIp();
        hypervisorType = vo.getHypervisorType();
        state = vo.getState().toString();
        status = vo.getStatus().toString();
        architecture = vo.getArchitecture();
        cpuNum = vo.getCpuNum();
        totalMemoryCapacity = vo.getTotalMemory();
        availableMemoryCapacity = vo.getAvailableMemory();
        createDate = vo.getCreateDate();
        lastOpDate = vo.getLastOpDate();
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getStatus() { return status; }
    public String getState() { return state; }
    public String getClusterUuid() { return clusterUuid; }
    public String getManagementIp() { return managementIp; }
    public String getHypervisorType() { return hypervisorType; }
}
