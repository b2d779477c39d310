-- identity: UpdateAccount's description; the login throttle's failure counts; the access-key signatures already
-- used. The last two are in the database so that every management node of a cluster counts and remembers the same.
ALTER TABLE AccountVO ADD COLUMN description varchar(2048) NULL;

-- one row per account name and client address with failed logins; id is the SHA-256 hex of the two
CREATE TABLE IF NOT EXISTS LoginAttemptVO (
    id varchar(64) NOT NULL PRIMARY KEY,
    accountName varchar(255) NOT NULL,
    clientAddress varchar(64) NOT NULL,
    failures int NOT NULL,
    lastFailureDate timestamp NULL DEFAULT NULL,
    lockedUntil timestamp NULL DEFAULT NULL
);

-- id is the SHA-256 hex of the access key id and its signature; a row lives as long as the signature's Date is valid
CREATE TABLE IF NOT EXISTS UsedAccessKeySignatureVO (
    id varchar(64) NOT NULL PRIMARY KEY,
    expireDate timestamp NULL DEFAULT NULL
);
CREATE INDEX idxUsedAccessKeySignatureVOExpireDate ON UsedAccessKeySignatureVO (expireDate);
