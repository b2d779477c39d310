package org.zstack.vmware;

import org.zstack.header.Inventory;
import org.zstack.header.storage.primary.PrimaryStorageInventory;

/** A datastore of a vCenter: a primary storage of type VCenter; attachedClusterUuids are the clusters mounting it. */
@Inventory(mappingVOClass = VCenterPrimaryStorageVO.class)
public class VCenterPrimaryStorageInventory extends PrimaryStorageInventory {
    private String vCenterUuid;
    private String datastore;
    private String morval;
    private String datacenterUuid;
    private String datastoreType;

    public static VCenterPrimaryStorageInventory valueOf(VCenterPrimaryStorageVO vo) {
        VCenterPrimaryStorageInventory inv = new VCenterPrimaryStorageInventory();
        inv.fill(vo);
        inv.vCenterUuid = vo.getVCenterUuid();
        inv.datastore = vo.getDatastore();
        inv.morval = vo.getMorval();
        inv.datacenterUuid = vo.getDatacenterUuid();
        inv.datastoreType = vo.getDatastoreType();
        return inv;
    }
}
