package org.zstack.header.network.l3;

import org.zstack.core.db.Q;
import org.zstack.header.Inventory;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

@Inventory(mappingVOClass = L3NetworkVO.class)
public class L3NetworkInventory {
    private String uuid;
    private String name;
    private String description;
    private String type;
    private String zoneUuid;
    private String l2NetworkUuid;
    private String state;
    private String category;
    private Boolean system;
    private String dnsDomain;
    private Integer ipVersion;
    /** No API adds DNS servers yet; the list is there so clients see ZStack's shape. */
    private List<String> dns;
    private List<IpRangeInventory> ipRanges;
    private Timestamp createDate;
    private Timestamp lastOpDate;

    /** The ranges are read here, in address order, rather than through a JPA association (see L2NetworkInventory). */
    public static L3NetworkInventory valueOf(L3NetworkVO vo) {
        L3NetworkInventory inv = new L3NetworkInventory();
        inv.uuid = vo.getUuid();
        inv.name = vo.getName();
        inv.description = vo.getDescription();
        inv.type = vo.getType();
        inv.zoneUuid = vo.getZoneUuid();
        inv.l2NetworkUuid = vo.getL2NetworkUuid();
        inv.state = vo.getState().toString();
        inv.category = vo.getCategory().toString();
        inv.system = vo.isSystem();
        inv.dnsDomain = vo.getDnsDomain();
        inv.ipVersion = vo.getIpVersion();
        inv.dns = new ArrayList<>();
        inv.ipRanges = Q.New(IpRangeVO.class).eq(IpRangeVO_.l3NetworkUuid, vo.getUuid()).list().stream()
                .sorted(Comparator.comparingLong(r -> ipv4ToLong(r.getStartIp())))
                .map(IpRangeInventory::valueOf)
                .toList();
        inv.createDate = vo.getCreateDate();
        inv.lastOpDate = vo.getLastOpDate();
        return inv;
    }

    /** Stored addresses were validated on the way in, so a plain split is enough here. */
    private static long ipv4ToLong(String ip) {
        long v = 0;
        for (String part : ip.split("\\.")) {
            v = (v << 8) | Long.parseLong(part);
        }
        return v;
    }

    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getType() { return type; }
    public String getZoneUuid() { return zoneUuid; }
    public String getL2NetworkUuid() { return l2NetworkUuid; }
    public String getState() { return state; }
    public String getCategory() { return category; }
    public Boolean getSystem() { return system; }
    public String getDnsDomain() { return dnsDomain; }
    public Integer getIpVersion() { return ipVersion; }
    public List<String> getDns() { return dns; }
    public List<IpRangeInventory> getIpRanges() { return ipRanges; }
    public Timestamp getCreateDate() { return createDate; }
    public Timestamp getLastOpDate() { return lastOpDate; }
}
