-- plugin/kvm: hosts. A KVM host is a HostVO row plus a KVMHostVO row (JPA joined inheritance).
CREATE TABLE IF NOT EXISTS HostVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    zoneUuid varchar(32) NOT NULL,
    clusterUuid varchar(32) NOT NULL,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    managementIp varchar(255) NOT NULL UNIQUE,
    hypervisorType varchar(32) NOT NULL,
    state varchar(32) NOT NULL,
    status varchar(32) NOT NULL,
    architecture varchar(32) NULL,
    cpuNum int NULL,
    totalMemory bigint NULL,
    availableMemory bigint NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkHostVOClusterVO FOREIGN KEY (clusterUuid) REFERENCES ClusterVO (uuid) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS KVMHostVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    username varchar(255) NULL,
    password varchar(1024) NULL,
    sshPrivateKey text NULL,
    sshPort int NOT NULL,
    libvirtVersion varchar(64) NULL,
    qemuVersion varchar(64) NULL,
    cpuModelName varchar(255) NULL,
    osDistribution varchar(64) NULL,
    osVersion varchar(64) NULL,
    CONSTRAINT fkKVMHostVOHostVO FOREIGN KEY (uuid) REFERENCES HostVO (uuid) ON DELETE CASCADE
);
