package org.zstack.header.network.l3;

import org.zstack.header.Inventory;

import java.sql.Timestamp;

@Inventory(mappingVOClass = IpRangeVO.class)
public class IpRangeInventory {
    private String uuid;
    private String l3NetworkUuid;
    private String name;
    private String description;
    private String startIp;
    private String endIp;
    private String netmask;
    private String gateway;
    private String networkCidr;
    private Integer prefixLen;
    private Integer ipVersion;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    public static IpRangeInventory valueOf(IpRangeVO vo) {
        IpRangeInventory inv = new IpRangeInventory();
        inv.uuid = vo.getUuid();
        inv.l3NetworkUuid = vo.getL3NetworkUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.startIp = vo.getStartIp();
        inv.endIp = vo.getEndIp();
        inv.netmask = vo.getNetmask();
        inv.gateway = vo.getGateway();
        inv.networkCidr = vo.getNetworkCidr();
        inv.prefixLen = vo.getPrefixLen();
        inv.ipVersion = vo.getIpVersion();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    public String getUuid() { return uuid; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getStartIp() { return startIp; }
    public String getEndIp() { return endIp; }
    public String getNetmask() { return netmask; }
    public String getGateway() { return gateway; }
    public String getNetworkCidr() { return networkCidr; }
    public Integer getPrefixLen() { return prefixLen; }
    public Integer getIpVersion() { return ipVersion; }
    public Timestamp getCreateDate() { return createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
}
