-- plugin/kvm: primary storage, the clusters it is attached to, and what each host measured of it.
CREATE TABLE IF NOT EXISTS PrimaryStorageVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    zoneUuid varchar(32) NOT NULL,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    url varchar(2048) NOT NULL,
    type varchar(32) NOT NULL,
    mountPath varchar(2048) NULL,
    state varchar(32) NOT NULL,
    status varchar(32) NOT NULL,
    totalCapacity bigint NOT NULL DEFAULT 0,
    availableCapacity bigint NOT NULL DEFAULT 0,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkPrimaryStorageVOZoneVO FOREIGN KEY (zoneUuid) REFERENCES ZoneVO (uuid) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS PrimaryStorageClusterRefVO (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    primaryStorageUuid varchar(32) NOT NULL,
    clusterUuid varchar(32) NOT NULL,
    CONSTRAINT fkPrimaryStorageClusterRefVOPrimaryStorageVO FOREIGN KEY (primaryStorageUuid) REFERENCES PrimaryStorageVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkPrimaryStorageClusterRefVOClusterVO FOREIGN KEY (clusterUuid) REFERENCES ClusterVO (uuid) ON DELETE CASCADE,
    CONSTRAINT ukPrimaryStorageClusterRefVO UNIQUE (primaryStorageUuid, clusterUuid)
);

CREATE TABLE IF NOT EXISTS PrimaryStorageHostRefVO (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    primaryStorageUuid varchar(32) NOT NULL,
    hostUuid varchar(32) NOT NULL,
    totalCapacity bigint NOT NULL DEFAULT 0,
    availableCapacity bigint NOT NULL DEFAULT 0,
    CONSTRAINT fkPrimaryStorageHostRefVOPrimaryStorageVO FOREIGN KEY (primaryStorageUuid) REFERENCES PrimaryStorageVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkPrimaryStorageHostRefVOHostVO FOREIGN KEY (hostUuid) REFERENCES HostVO (uuid) ON DELETE CASCADE,
    CONSTRAINT ukPrimaryStorageHostRefVO UNIQUE (primaryStorageUuid, hostUuid)
);
