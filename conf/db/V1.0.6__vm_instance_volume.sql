-- plugin/kvm: VM instances, their NICs and volumes. A VM of another hypervisor (an ESX VM found by a vCenter sync)
-- is a row here plus a row in its plugin's joined table (JPA joined inheritance, as for hosts).
CREATE TABLE IF NOT EXISTS VmInstanceVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    zoneUuid varchar(32) NOT NULL,
    clusterUuid varchar(32) NULL,
    hostUuid varchar(32) NULL,
    hypervisorType varchar(32) NOT NULL,
    type varchar(64) NOT NULL,
    state varchar(32) NOT NULL,
    platform varchar(64) NULL,
    guestOsType varchar(255) NULL,
    cpuNum int NULL,
    memorySize bigint NULL,
    architecture varchar(32) NULL,
    rootVolumeUuid varchar(32) NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkVmInstanceVOZoneVO FOREIGN KEY (zoneUuid) REFERENCES ZoneVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkVmInstanceVOClusterVO FOREIGN KEY (clusterUuid) REFERENCES ClusterVO (uuid) ON DELETE SET NULL,
    CONSTRAINT fkVmInstanceVOHostVO FOREIGN KEY (hostUuid) REFERENCES HostVO (uuid) ON DELETE SET NULL
);
CREATE INDEX idxVmInstanceVOclusterUuid ON VmInstanceVO (clusterUuid);
CREATE INDEX idxVmInstanceVOname ON VmInstanceVO (name);

CREATE TABLE IF NOT EXISTS VmNicVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    vmInstanceUuid varchar(32) NOT NULL,
    l3NetworkUuid varchar(32) NULL,
    mac varchar(17) NOT NULL,
    deviceId int NOT NULL,
    driverType varchar(64) NULL,
    hypervisorType varchar(32) NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkVmNicVOVmInstanceVO FOREIGN KEY (vmInstanceUuid) REFERENCES VmInstanceVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkVmNicVOL3NetworkVO FOREIGN KEY (l3NetworkUuid) REFERENCES L3NetworkVO (uuid) ON DELETE SET NULL
);
CREATE INDEX idxVmNicVOvmInstanceUuid ON VmNicVO (vmInstanceUuid);
CREATE INDEX idxVmNicVOmac ON VmNicVO (mac);

CREATE TABLE IF NOT EXISTS VolumeVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    vmInstanceUuid varchar(32) NULL,
    primaryStorageUuid varchar(32) NULL,
    installPath varchar(2048) NULL,
    type varchar(32) NOT NULL,
    format varchar(32) NULL,
    size bigint NULL,
    actualSize bigint NULL,
    deviceId int NULL,
    state varchar(32) NOT NULL,
    status varchar(32) NOT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkVolumeVOVmInstanceVO FOREIGN KEY (vmInstanceUuid) REFERENCES VmInstanceVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkVolumeVOPrimaryStorageVO FOREIGN KEY (primaryStorageUuid) REFERENCES PrimaryStorageVO (uuid) ON DELETE SET NULL
);
CREATE INDEX idxVolumeVOvmInstanceUuid ON VolumeVO (vmInstanceUuid);
