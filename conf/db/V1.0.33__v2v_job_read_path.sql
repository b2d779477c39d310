-- How a job read its source's disks and why (shown with the job), and what a queued job waits for
ALTER TABLE V2VJobVO ADD COLUMN readPath varchar(32) NULL;
ALTER TABLE V2VJobVO ADD COLUMN readPathReason varchar(1024) NULL;
ALTER TABLE V2VJobVO ADD COLUMN waitingFor varchar(1024) NULL;
