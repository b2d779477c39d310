package org.zstack.header.network.l3;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = UsedIpVO.class)
public class UsedIpInventory {
    private String uuid;
    private String l3NetworkUuid;
    private String ipRangeUuid;
    private String ip;
    private Long ipInLong;
    private Integer ipVersion;
    private String gateway;
    private String netmask;
    private String ownerUuid;
    private Timestamp createDate;

    public static UsedIpInventory valueOf(UsedIpVO vo) {
        UsedIpInventory inv = new UsedIpInventory();
        inv.uuid = vo.getUuid();
        inv.l3NetworkUuid = vo.getL3NetworkUuid();
        inv.ipRangeUuid = vo.getIpRangeUuid();
        inv.ip = vo.getIp();
        inv.ipInLong = vo.getIpInLong();
        inv.ipVersion = vo.getIpVersion();
        inv.gateway = vo.getGateway();
        inv.netmask = vo.getNetmask();
        inv.ownerUuid = vo.getOwnerUuid();
        inv.createDate = vo.getCreateDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public String getIpRangeUuid() { return ipRangeUuid; }
    public String getIp() { return ip; }
    public Long getIpInLong() { return ipInLong; }
    public Integer getIpVersion() { return ipVersion; }
    public String getGateway() { return gateway; }
    public String getNetmask() { return netmask; }
    public String getOwnerUuid() { return ownerUuid; }
    public Timestamp getCreateDate() { return createDate; }
}
