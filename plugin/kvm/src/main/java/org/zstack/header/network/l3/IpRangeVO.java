package org.zstack.header.network.l3;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.zstack.header.vo.ResourceVO;

/** A block [startIp, endIp] of one L3 network's subnet (networkCidr) to hand out; the gateway lies outside it. */
@Entity
@Table(name = "IpRangeVO")
public class IpRangeVO extends ResourceVO {
    @Column
    private String l3NetworkUuid;
    @Column
    private String name;
    @Column
    private String description;
    @Column
    private String startIp;
    @Column
    private String endIp;
    @Column
    private String netmask;
    @Column
    private String gateway;
    @Column
    private String networkCidr;
    @Column
    private int prefixLen;
    @Column
    private int ipVersion;

    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getStartIp() { return startIp; }
    public void setStartIp(String startIp) { this.startIp = startIp; }
    public String getEndIp() { return endIp; }
    public void setEndIp(String endIp) { this.endIp = endIp; }
    public String getNetmask() { return netmask; }
    public void setNetmask(String netmask) { this.netmask = netmask; }
    public String getGateway() { return gateway; }
    public void setGateway(String gateway) { this.gateway = gateway; }
    public String getNetworkCidr() { return networkCidr; }
    public void setNetworkCidr(String networkCidr) { this.networkCidr = networkCidr; }
    public int getPrefixLen() { return prefixLen; }
    public void setPrefixLen(int prefixLen) { this.prefixLen = prefixLen; }
    public int getIpVersion() { return ipVersion; }
    public void setIpVersion(int ipVersion) { this.ipVersion = ipVersion; }
}
