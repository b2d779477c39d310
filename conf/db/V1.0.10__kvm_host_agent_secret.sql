-- plugin/kvm: the secret a host's agent and the node sign their calls with (AgentRequestSigner), created by the
-- node at each deployment (AddKVMHost, ReconnectHost) and encrypted by its EncryptionFacade. Never in an inventory.
ALTER TABLE KVMHostVO ADD COLUMN agentSecret text NULL;
