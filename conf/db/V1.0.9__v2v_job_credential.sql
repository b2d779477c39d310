-- plugin/v2v: the secret a job reaches its source with (a KVM host's SSH key), encrypted by the node's
-- EncryptionFacade. Kept out of the long job's jobData, which QueryLongJob returns.
ALTER TABLE V2VJobVO ADD COLUMN sourceCredential text NULL;
