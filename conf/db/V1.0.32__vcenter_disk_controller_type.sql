-- The vSphere type of each ESX disk's controller: its bus (IDE, SATA, SCSI), which the conversion must be told.
ALTER TABLE VCenterVolumeVO ADD COLUMN controllerType varchar(64) NULL;
