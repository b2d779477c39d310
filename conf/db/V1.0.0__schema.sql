-- The kernel's tables. Written to run on MariaDB and on H2 in MariaDB mode alike.
CREATE TABLE IF NOT EXISTS AccountVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL UNIQUE,
    password varchar(255) NOT NULL,
    type varchar(64) NOT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL
);

CREATE TABLE IF NOT EXISTS SessionVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    accountUuid varchar(32) NOT NULL,
    userUuid varchar(32) NOT NULL,
    expiredDate timestamp NULL DEFAULT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkSessionVOAccountVO FOREIGN KEY (accountUuid) REFERENCES AccountVO (uuid) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS AccessKeyVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    accountUuid varchar(32) NOT NULL,
    userUuid varchar(32) NOT NULL,
    description varchar(2048) NULL,
    AccessKeyID varchar(128) NOT NULL UNIQUE,
    AccessKeySecret varchar(512) NOT NULL,
    state varchar(32) NOT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL,
    CONSTRAINT fkAccessKeyVOAccountVO FOREIGN KEY (accountUuid) REFERENCES AccountVO (uuid) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS GlobalConfigVO (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(255) NOT NULL,
    category varchar(64) NOT NULL,
    description varchar(2048) NULL,
    defaultValue text NULL,
    `value` text NULL,
    CONSTRAINT ukGlobalConfigVO UNIQUE (category, name)
);

CREATE TABLE IF NOT EXISTS ManagementNodeVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    hostName varchar(255) NULL,
    port int NOT NULL,
    heartBeat timestamp NULL DEFAULT NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL
);

CREATE TABLE IF NOT EXISTS LongJobVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    name varchar(255) NOT NULL,
    description varchar(2048) NULL,
    apiId varchar(32) NOT NULL,
    jobName varchar(255) NOT NULL,
    jobData longtext NULL,
    jobResult longtext NULL,
    state varchar(32) NOT NULL,
    targetResourceUuid varchar(32) NULL,
    managementNodeUuid varchar(32) NULL,
    accountUuid varchar(32) NULL,
    executeTime bigint NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL
);
CREATE INDEX idxLongJobVOapiId ON LongJobVO (apiId);
CREATE INDEX idxLongJobVOstate ON LongJobVO (state);

CREATE TABLE IF NOT EXISTS TaskProgressVO (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    apiId varchar(32) NOT NULL,
    taskUuid varchar(32) NULL,
    taskName varchar(1024) NULL,
    parentUuid varchar(32) NULL,
    type varchar(32) NOT NULL,
    content longtext NULL,
    opaque longtext NULL,
    arguments varchar(2048) NULL,
    time bigint NOT NULL
);
CREATE INDEX idxTaskProgressVOapiId ON TaskProgressVO (apiId);

CREATE TABLE IF NOT EXISTS AsyncRestVO (
    uuid varchar(32) NOT NULL PRIMARY KEY,
    apiName varchar(255) NOT NULL,
    state varchar(32) NOT NULL,
    success boolean NOT NULL DEFAULT FALSE,
    result longtext NULL,
    createDate timestamp NULL DEFAULT NULL,
    lastOpDate timestamp NULL DEFAULT NULL
);
