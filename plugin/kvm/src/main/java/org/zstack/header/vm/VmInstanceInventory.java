package org.zstack.header.vm;

import org.zstack.header.Inventory;
import org.zstack.header.volume.VolumeInventory;

import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;

/**
 * A VM instance with its NICs and volumes, both ordered by device id (the root volume first). VMs of another
 * hypervisor that the node knows about (an ESX VM found by a vCenter sync) have hypervisorType ESX; their NICs name
 * the source network, their volumes the datastore path.
 */
@Inventory(mappingVOClass = VmInstanceVO.class)
public class VmInstanceInventory {
    private String uuid;
    private String name;
    private String description;
    private String zoneUuid;
    private String clusterUuid;
    private String hostUuid;
    private String hypervisorType;
    private String type;
    private String state;
    private String platform;
    private String guestOsType;
    private Integer cpuNum;
    private Long memorySize;
    private String architecture;
    private String rootVolumeUuid;
    private Timestamp createDate;
    private Timestamp lastOpDate;
    private List<VmNicInventory> vmNics;
    private List<VolumeInventory> allVolumes;

    /** Reads the VM's NICs and volumes: call it inside a transaction (queries do). */
    public static VmInstanceInventory valueOf(VmInstanceVO vo) {
        VmInstanceInventory inv = new VmInstanceInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.zoneUuid = vo.getZoneUuid();
        inv.clusterUuid = vo.getClusterUuid();
        inv.hostUuid = vo.getHostUuid();
        inv.hypervisorType = vo.getHypervisorType();
        inv.type = vo.getType();
        inv.state = vo.getState() == null ? null : vo.getState().toString();
        inv.platform = vo.getPlatform();
        inv.guestOsType = vo.getGuestOsType();
        inv.cpuNum = vo.getCpuNum();
        inv.memorySize = vo.getMemorySize();
        inv.architecture = vo.getArchitecture();
        inv.rootVolumeUuid = vo.getRootVolumeUuid();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        inv.vmNics = vo.getVmNics().stream().map(VmNicInventory::valueOf)
                .sorted(Comparator.comparing(VmNicInventory::getDeviceId, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        inv.allVolumes = vo.getAllVolumes().stream().map(VolumeInventory::valueOf)
                .sorted(Comparator.comparing(VolumeInventory::getDeviceId, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getState() { return state; }
    public List<VmNicInventory> getVmNics() { return vmNics; }
    public List<VolumeInventory> getAllVolumes() { return allVolumes; }
}
