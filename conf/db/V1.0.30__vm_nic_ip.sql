-- ZStack's VmNicVO keeps the NIC's address (ip, netmask, gateway) next to its UsedIpVO
ALTER TABLE VmNicVO ADD COLUMN ip varchar(128) NULL;
ALTER TABLE VmNicVO ADD COLUMN netmask varchar(128) NULL;
ALTER TABLE VmNicVO ADD COLUMN gateway varchar(128) NULL;
