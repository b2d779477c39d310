-- What decides whether an ESX VM can be migrated and how it boots: disk sharing and RDM mode, the boot order and
-- its boot disk, EFI secure boot, VM encryption, the CD/DVD and floppy images connected.
ALTER TABLE VCenterVolumeVO ADD COLUMN sharing varchar(32) NULL;
ALTER TABLE VCenterVolumeVO ADD COLUMN compatibilityMode varchar(32) NULL;
ALTER TABLE VCenterVmInstanceVO ADD COLUMN bootOrder varchar(1024) NULL;
ALTER TABLE VCenterVmInstanceVO ADD COLUMN bootDiskKey int NULL;
ALTER TABLE VCenterVmInstanceVO ADD COLUMN secureBoot boolean NOT NULL DEFAULT FALSE;
ALTER TABLE VCenterVmInstanceVO ADD COLUMN encrypted boolean NOT NULL DEFAULT FALSE;
ALTER TABLE VCenterVmInstanceVO ADD COLUMN connectedMedia varchar(4096) NULL;
