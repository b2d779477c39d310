-- plugin/v2v: migration tasks (the wizard's batch) and one job per source VM. A job's uuid is its long job's uuid;
-- LongJobVO keeps its state, this table what an administrator reads about the migration itself. No foreign key to
-- LongJobVO: the job row is written before the long job is submitted, so that its first run always finds it.
CREATE TABLE IF NOT EXISTS V2VTaskVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    conversionHostUuid varchar(32) NULL,
    zoneUuid varchar(32) NULL,
    clusterUuid varchar(32) NULL,
    hostUuid varchar(32) NULL,
    primaryStorageUuid varchar(32) NULL,
    strategy varchar(32) NOT NULL,
    compress boolean NOT NULL DEFAULT TRUE,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkV2VTaskVOConversionHostVO FOREIGN KEY (conversionHostUuid) REFERENCES V2VConversionHostVO (uuid) ON DELETE SET NULL
);

CREATE TABLE IF NOT EXISTS V2VJobVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    taskUuid varchar(32) NULL,
    conversionHostUuid varchar(32) NULL,
    sourceUrl varchar(1024) NOT NULL,
    sourceVmUuid varchar(32) NULL,
    sourceVmName varchar(255) NULL,
    targetVmUuid varchar(32) NOT NULL,
    targetVmName varchar(255) NOT NULL,
    targetHostUuid varchar(32) NULL,
    platform varchar(64) NULL,
    phase varchar(32) NULL,
    reservedCacheSize bigint NOT NULL DEFAULT 0,
    bytesTransferred bigint NULL,
    logPath varchar(2048) NULL,
    phaseTimes varchar(2048) NULL,
    startDate timestamp NULL DEFAULT NULL,
    endDate timestamp NULL DEFAULT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkV2VJobVOV2VTaskVO FOREIGN KEY (taskUuid) REFERENCES V2VTaskVO (uuid) ON DELETE CASCADE,
    CONSTRAINT fkV2VJobVOConversionHostVO FOREIGN KEY (conversionHostUuid) REFERENCES V2VConversionHostVO (uuid) ON DELETE SET NULL
);
CREATE INDEX idxV2VJobVOtaskUuid ON V2VJobVO (taskUuid);
CREATE INDEX idxV2VJobVOsourceVmUuid ON V2VJobVO (sourceVmUuid);
CREATE INDEX idxV2VJobVOconversionHostUuid ON V2VJobVO (conversionHostUuid);
