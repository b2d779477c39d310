package org.zstack.vmware;

import jakarta.persistence.*;
import org.zstack.header.storage.primary.PrimaryStorageVO;

/** A datastore of a vCenter, as ZStack shows it: a primary storage of type VCenter. datastore is its name. */
@Entity
@Table(name = "VCenterPrimaryStorageVO")
@PrimaryKeyJoinColumn(name = "uuid", referencedColumnName = "uuid")
public class VCenterPrimaryStorageVO extends PrimaryStorageVO {
    @Column
    private String vCenterUuid;
    @Column
    private String datacenterUuid;
    @Column
    private String datastore;
    @Column
    private String morval;
    @Column
    private String datastoreType;

    public String getVCenterUuid() { return vCenterUuid; }
    public void setVCenterUuid(String vCenterUuid) { this.vCenterUuid = vCenterUuid; }
    public String getDatacenterUuid() { return datacenterUuid; }
    public void setDatacenterUuid(String datacenterUuid) { this.datacenterUuid = datacenterUuid; }
    public String getDatastore() { return datastore; }
    public void setDatastore(String datastore) { this.datastore = datastore; }
    public String getMorval() { return morval; }
    public void setMorval(String morval) { this.morval = morval; }
    public String getDatastoreType() { return datastoreType; }
    public void setDatastoreType(String datastoreType) { this.datastoreType = datastoreType; }
}
