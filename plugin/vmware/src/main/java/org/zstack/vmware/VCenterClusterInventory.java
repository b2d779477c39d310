package org.zstack.vmware;

import org.zstack.header.Inventory;
import org.zstack.header.cluster.ClusterInventory;

/** A vCenter cluster: a cluster of hypervisorType ESX, with where it is in its vCenter. */
@Inventory(mappingVOClass = VCenterClusterVO.class)
public class VCenterClusterInventory extends ClusterInventory {
    private String vCenterUuid;
    private String morval;
    private String dataCenterUuid;
    /** A standalone ESX host's compute resource, not a vSphere cluster. */
    private Boolean standalone;

    public static VCenterClusterInventory valueOf(VCenterClusterVO vo) {
        VCenterClusterInventory inv = new VCenterClusterInventory();
        inv.fill(vo);
        inv.vCenterUuid = vo.getVCenterUuid();
        inv.morval = vo.getMorval();
        inv.dataCenterUuid = vo.getDataCenterUuid();
        inv.standalone = vo.isStandalone();
        return inv;
    }
}
