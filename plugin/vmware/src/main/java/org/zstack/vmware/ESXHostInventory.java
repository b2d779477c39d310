package org.zstack.vmware;

import org.zstack.header.Inventory;
import org.zstack.header.host.HostInventory;

/** An ESX host of a vCenter (schema name org.zstack.vmware.ESXHostInventory). */
@Inventory(mappingVOClass = ESXHostVO.class)
public class ESXHostInventory extends HostInventory {
    private String vCenterUuid;
    private String morval;
    private String esxiVersion;
    private String esxiBuild;
    private String datacenterUuid;
    private String cpuModelName;

    public static ESXHostInventory valueOf(ESXHostVO vo) {
        ESXHostInventory inv = new ESXHostInventory();
        inv.fill(vo);
        inv.vCenterUuid = vo.getVCenterUuid();
        inv.morval = vo.getMorval();
        inv.esxiVersion = vo.getEsxiVersion();
        inv.esxiBuild = vo.getEsxiBuild();
        inv.datacenterUuid = vo.getDatacenterUuid();
        inv.cpuModelName = vo.getCpuModelName();
        return inv;
    }
}
