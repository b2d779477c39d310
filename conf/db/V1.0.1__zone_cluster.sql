-- plugin/kvm: the target cloud's zones and clusters.
CREATE TABLE IF NOT EXISTS ZoneVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    state varchar(32) NOT NULL,
    type varchar(32) NOT NULL,
    isDefault boolean NOT NULL DEFAULT FALSE,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL
);

CREATE TABLE IF NOT EXISTS ClusterVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    zoneUuid varchar(32) NOT NULL,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    state varchar(32) NOT NULL,
    hypervisorType varchar(32) NOT NULL,
    type varchar(32) NOT NULL,
    architecture varchar(32) NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkClusterVOZoneVO FOREIGN KEY (zoneUuid) REFERENCES ZoneVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxClusterVOzoneUuid ON ClusterVO (zoneUuid);
