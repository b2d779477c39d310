-- plugin/vmware: vCenters as a migration source, and what their syncs found. ZStack's layout: a vCenter cluster is a
-- ClusterVO (hypervisorType ESX) plus a VCenterClusterVO row, an ESX host a HostVO plus an ESXHostVO row, a datastore
-- a PrimaryStorageVO (type VCenter) plus a VCenterPrimaryStorageVO row, a VM a VmInstanceVO (hypervisorType ESX)
-- plus a VCenterVmInstanceVO row, and so for its NICs and disks. The joined rows go with their base rows (ON DELETE
-- CASCADE on uuid); deleting a vCenter deletes the base rows of its records first.
CREATE TABLE IF NOT EXISTS VCenterVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    zoneUuid varchar(32) NOT NULL,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    domainName varchar(256) NOT NULL,
    port int NOT NULL,
    https boolean NOT NULL DEFAULT TRUE,
    userName varchar(255) NOT NULL,
    password varchar(1024) NOT NULL,
    version varchar(64) NULL,
    apiVersion varchar(64) NULL,
    thumbprint varchar(128) NULL,
    state varchar(32) NOT NULL,
    status varchar(32) NOT NULL,
    lastSyncDate timestamp NULL DEFAULT NULL,
    lastSyncError varchar(2048) NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkVCenterVOZoneVO FOREIGN KEY (zoneUuid) REFERENCES ZoneVO (uuid) ON DELETE CASCADE,
    CONSTRAINT ukVCenterVOdomainNamePort UNIQUE (domainName, port)
);

CREATE TABLE IF NOT EXISTS VCenterDatacenterVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    name varchar(255) NOT NULL,
    morval varchar(128) NOT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkVCenterDatacenterVOVCenterVO FOREIGN KEY (vCenterUuid) REFERENCES VCenterVO (uuid) ON DELETE CASCADE,
    CONSTRAINT ukVCenterDatacenterVOmorval UNIQUE (vCenterUuid, morval)
);

CREATE TABLE IF NOT EXISTS VCenterClusterVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    datacenterUuid varchar(32) NULL,
    morval varchar(128) NOT NULL,
    standalone boolean NOT NULL DEFAULT FALSE,
    CONSTRAINT fkVCenterClusterVOClusterVO FOREIGN KEY (uuid) REFERENCES ClusterVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxVCenterClusterVOvCenterUuid ON VCenterClusterVO (vCenterUuid);

CREATE TABLE IF NOT EXISTS ESXHostVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    datacenterUuid varchar(32) NULL,
    morval varchar(128) NOT NULL,
    esxiVersion varchar(64) NULL,
    esxiBuild varchar(64) NULL,
    cpuModelName varchar(255) NULL,
    connectionState varchar(32) NULL,
    CONSTRAINT fkESXHostVOHostVO FOREIGN KEY (uuid) REFERENCES HostVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxESXHostVOvCenterUuid ON ESXHostVO (vCenterUuid);

CREATE TABLE IF NOT EXISTS VCenterResourcePoolVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    vCenterClusterUuid varchar(32) NOT NULL,
    name varchar(255) NOT NULL,
    morVal varchar(128) NOT NULL,
    parentUuid varchar(32) NULL,
    CPULimit bigint NULL,
    CPUOverheadLimit bigint NULL,
    CPUReservation bigint NULL,
    CPUShares bigint NULL,
    CPULevel varchar(32) NULL,
    memoryLimit bigint NULL,
    memoryOverheadLimit bigint NULL,
    memoryReservation bigint NULL,
    memoryShares bigint NULL,
    memoryLevel varchar(32) NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkVCenterResourcePoolVOVCenterVO FOREIGN KEY (vCenterUuid) REFERENCES VCenterVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkVCenterResourcePoolVOClusterVO FOREIGN KEY (vCenterClusterUuid) REFERENCES ClusterVO (uuid) ON DELETE CASCADE,
    CONSTRAINT ukVCenterResourcePoolVOmorVal UNIQUE (vCenterUuid, morVal)
);

CREATE TABLE IF NOT EXISTS VCenterPrimaryStorageVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    datacenterUuid varchar(32) NULL,
    datastore varchar(255) NOT NULL,
    morval varchar(128) NOT NULL,
    datastoreType varchar(64) NULL,
    CONSTRAINT fkVCenterPrimaryStorageVOPrimaryStorageVO FOREIGN KEY (uuid) REFERENCES PrimaryStorageVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxVCenterPrimaryStorageVOvCenterUuid ON VCenterPrimaryStorageVO (vCenterUuid);

CREATE TABLE IF NOT EXISTS VCenterNetworkVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    datacenterUuid varchar(32) NULL,
    name varchar(255) NOT NULL,
    morval varchar(128) NOT NULL,
    type varchar(32) NOT NULL,
    dvSwitchName varchar(255) NULL,
    dvSwitchUuid varchar(128) NULL,
    portgroupKey varchar(128) NULL,
    vlanId int NULL,
    uplink boolean NOT NULL DEFAULT FALSE,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkVCenterNetworkVOVCenterVO FOREIGN KEY (vCenterUuid) REFERENCES VCenterVO (uuid) ON DELETE CASCADE,
    CONSTRAINT ukVCenterNetworkVOmorval UNIQUE (vCenterUuid, morval)
);

CREATE TABLE IF NOT EXISTS VCenterVmInstanceVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    datacenterUuid varchar(32) NULL,
    resourcePoolUuid varchar(32) NULL,
    morval varchar(128) NOT NULL,
    instanceUuid varchar(64) NULL,
    biosUuid varchar(64) NULL,
    firmware varchar(32) NULL,
    powerState varchar(32) NULL,
    guestId varchar(128) NULL,
    guestFullName varchar(255) NULL,
    vmxVersion varchar(32) NULL,
    numCoresPerSocket int NULL,
    changeTrackingEnabled boolean NOT NULL DEFAULT FALSE,
    vmPathName varchar(2048) NULL,
    CONSTRAINT fkVCenterVmInstanceVOVmInstanceVO FOREIGN KEY (uuid) REFERENCES VmInstanceVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxVCenterVmInstanceVOvCenterUuid ON VCenterVmInstanceVO (vCenterUuid);
CREATE INDEX idxVCenterVmInstanceVOinstanceUuid ON VCenterVmInstanceVO (instanceUuid);

CREATE TABLE IF NOT EXISTS VCenterVmNicVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    deviceKey int NOT NULL,
    networkUuid varchar(32) NULL,
    networkName varchar(255) NULL,
    networkType varchar(32) NULL,
    portgroupKey varchar(128) NULL,
    dvSwitchUuid varchar(128) NULL,
    connected boolean NOT NULL DEFAULT FALSE,
    CONSTRAINT fkVCenterVmNicVOVmNicVO FOREIGN KEY (uuid) REFERENCES VmNicVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxVCenterVmNicVOvCenterUuid ON VCenterVmNicVO (vCenterUuid);

CREATE TABLE IF NOT EXISTS VCenterVolumeVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vCenterUuid varchar(32) NOT NULL,
    deviceKey int NOT NULL,
    datastoreMorval varchar(128) NULL,
    thin boolean NULL,
    diskMode varchar(64) NULL,
    backingType varchar(128) NULL,
    diskUuid varchar(64) NULL,
    controllerKey int NULL,
    unitNumber int NULL,
    CONSTRAINT fkVCenterVolumeVOVolumeVO FOREIGN KEY (uuid) REFERENCES VolumeVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxVCenterVolumeVOvCenterUuid ON VCenterVolumeVO (vCenterUuid);
