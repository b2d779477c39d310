-- plugin/kvm: the target cloud's networks. L2 no-vlan networks and the clusters they are attached to, L3 networks
-- on them, the IP ranges of an L3 network and the addresses handed out from them. Runs on MariaDB and on H2 in
-- MariaDB mode. Deleting a zone, an L2 or an L3 network removes what hangs below it; the managers delete these
-- rows explicitly too, the foreign keys are the safety net.
CREATE TABLE IF NOT EXISTS L2NetworkVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    type varchar(128) NOT NULL,
    vSwitchType varchar(32) NOT NULL,
    zoneUuid varchar(32) NOT NULL,
    physicalInterface varchar(1024) NOT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkL2NetworkVOZoneVO FOREIGN KEY (zoneUuid) REFERENCES ZoneVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxL2NetworkVOzoneUuid ON L2NetworkVO (zoneUuid);

-- deleting a cluster detaches the L2 networks from it
CREATE TABLE IF NOT EXISTS L2NetworkClusterRefVO (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    l2NetworkUuid varchar(32) NOT NULL,
    clusterUuid varchar(32) NOT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT ukL2NetworkClusterRefVO UNIQUE (l2NetworkUuid, clusterUuid),
    CONSTRAINT fkL2NetworkClusterRefVOL2NetworkVO FOREIGN KEY (l2NetworkUuid) REFERENCES L2NetworkVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkL2NetworkClusterRefVOClusterVO FOREIGN KEY (clusterUuid) REFERENCES ClusterVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxL2NetworkClusterRefVOclusterUuid ON L2NetworkClusterRefVO (clusterUuid);

-- zoneUuid is always the L2 network's zone; one cascade path (through the L2 network) is enough
CREATE TABLE IF NOT EXISTS L3NetworkVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    type varchar(128) NOT NULL,
    zoneUuid varchar(32) NOT NULL,
    l2NetworkUuid varchar(32) NOT NULL,
    state varchar(32) NOT NULL,
    category varchar(32) NOT NULL,
    system boolean NOT NULL DEFAULT FALSE,
    dnsDomain varchar(255) NULL,
    ipVersion int NOT NULL DEFAULT 4,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkL3NetworkVOL2NetworkVO FOREIGN KEY (l2NetworkUuid) REFERENCES L2NetworkVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxL3NetworkVOzoneUuid ON L3NetworkVO (zoneUuid);

CREATE TABLE IF NOT EXISTS IpRangeVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    l3NetworkUuid varchar(32) NOT NULL,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    startIp varchar(64) NOT NULL,
    endIp varchar(64) NOT NULL,
    netmask varchar(64) NOT NULL,
    gateway varchar(64) NOT NULL,
    networkCidr varchar(64) NOT NULL,
    prefixLen int NOT NULL,
    ipVersion int NOT NULL DEFAULT 4,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkIpRangeVOL3NetworkVO FOREIGN KEY (l3NetworkUuid) REFERENCES L3NetworkVO (uuid) ON DELETE CASCADE
);

-- the unique key is what makes an address impossible to hand out twice, from any thread or management node
CREATE TABLE IF NOT EXISTS UsedIpVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    l3NetworkUuid varchar(32) NOT NULL,
    ipRangeUuid varchar(32) NOT NULL,
    ip varchar(64) NOT NULL,
    ipInLong bigint NOT NULL,
    ipVersion int NOT NULL DEFAULT 4,
    gateway varchar(64) NULL,
    netmask varchar(64) NULL,
    ownerUuid varchar(255) NOT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT ukUsedIpVOl3NetworkUuidIp UNIQUE (l3NetworkUuid, ip),
    CONSTRAINT fkUsedIpVOL3NetworkVO FOREIGN KEY (l3NetworkUuid) REFERENCES L3NetworkVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkUsedIpVOIpRangeVO FOREIGN KEY (ipRangeUuid) REFERENCES IpRangeVO (uuid) ON DELETE CASCADE
);
CREATE INDEX idxUsedIpVOipRangeUuidIpInLong ON UsedIpVO (ipRangeUuid, ipInLong);
CREATE INDEX idxUsedIpVOownerUuid ON UsedIpVO (ownerUuid);
