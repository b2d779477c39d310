-- The node that runs an asynchronous API, and the node connecting a host: when that node is gone, a live node ends
-- the API job with SYS.1020 and reconnects the host (see ManagementNodeTakeoverExtensionPoint).
ALTER TABLE AsyncRestVO ADD COLUMN managementNodeUuid varchar(32) NULL;
ALTER TABLE HostVO ADD COLUMN managementNodeUuid varchar(32) NULL;
