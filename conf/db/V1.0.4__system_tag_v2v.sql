-- System tags (kernel), and the V2V conversion hosts in ZStack's published layout (V2VConversionHostVO).
CREATE TABLE IF NOT EXISTS SystemTagVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    resourceUuid varchar(32) NOT NULL,
    resourceType varchar(64) NOT NULL,
    tag varchar(2048) NOT NULL,
    type varchar(32) NOT NULL,
    inherent boolean NOT NULL DEFAULT FALSE,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL
);
CREATE INDEX idxSystemTagVOresourceUuid ON SystemTagVO (resourceUuid);

CREATE TABLE IF NOT EXISTS V2VConversionHostVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    type varchar(32) NOT NULL,
    hostUuid varchar(32) NOT NULL,
    storagePath varchar(2048) NOT NULL,
    state varchar(32) NOT NULL,
    totalSize bigint NOT NULL DEFAULT 0,
    availableSize bigint NOT NULL DEFAULT 0,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkV2VConversionHostVOHostVO FOREIGN KEY (hostUuid) REFERENCES HostVO (uuid) ON DELETE CASCADE,
    CONSTRAINT ukV2VConversionHostVOhostType UNIQUE (hostUuid, type)
);
