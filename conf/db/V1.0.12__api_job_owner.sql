-- rest: an API job's result is returned only to the credential that submitted it (a digest of the session uuid,
-- or the access key's id; see org.zstack.rest.ApiJobOwner).
ALTER TABLE AsyncRestVO ADD COLUMN owner varchar(128) NULL;
-- Results recorded by older versions have no owner, so nobody could read them any more; they may also hold an
-- access key's plain secret (CreateAccessKey), which this table no longer keeps: remove them.
DELETE FROM AsyncRestVO WHERE state = 'Done';
