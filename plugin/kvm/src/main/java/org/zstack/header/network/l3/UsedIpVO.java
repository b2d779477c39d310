package org.zstack.header.network.l3;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

/**
 * An address handed out from an IP range. (l3NetworkUuid, ip) is unique in the database, so two allocations of
 * one address can never both be stored, whatever node or thread makes them. Gateway and netmask are copied from
 * the range: they are what the owner configures on its NIC.
 */
@Entity
@Table(name = "UsedIpVO")
public class UsedIpVO extends ResourceVO {
    @Column
    private String l3NetworkUuid;
    @Column
    private String ipRangeUuid;
    @Column
    private String ip;
    @Column
    private long ipInLong;
    @Column
    private int ipVersion;
    @Column
    private String gateway;
    @Column
    private String netmask;
    @Column
    private String ownerUuid;

    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getIpRangeUuid() { return ipRangeUuid; }
    public void setIpRangeUuid(String ipRangeUuid) { this.ipRangeUuid = ipRangeUuid; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public long getIpInLong() { return ipInLong; }
    public void setIpInLong(long ipInLong) { this.ipInLong = ipInLong; }
    public int getIpVersion() { return ipVersion; }
    public void setIpVersion(int ipVersion) { this.ipVersion = ipVersion; }
    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
    public String getNetmask() { return netmask; }
    public void setNetmask(String netmask) { this.netmask = netmask; }
    public String getOwnerUuid() { return ownerUuid; }
    public void setOwnerUuid(String ownerUuid) { this.ownerUuid = ownerUuid; }
}
