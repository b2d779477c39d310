package org.zstack.v2v;

/**
 * Where one source NIC goes: chosen by its MAC (sourceMac) or by its network (sourceNetworkName), onto an L3
 * network, with a fixed IP or one from the L3's ranges, keeping the source MAC or a given/new one.
 */
public class V2VNicMapping {
    private String sourceMac;
    private String sourceNetworkName;
    private String l3NetworkUuid;
    /** A fixed IP in the L3's ranges; null takes a free one (the guest is configured with it). */
    private String ip;
    /** The target MAC; null keeps the source MAC when keepMac, else a new one. */
    private String mac;
    /** Keep the source NIC's MAC on the target (default true: licences and DHCP reservations follow MACs). */
    private Boolean keepMac;
    /** The NIC of the VM's default route. */
    private Boolean defaultNic;

    public String getSourceMac() { return sourceMac; }
    public void setSourceMac(String sourceMac) { this.sourceMac = sourceMac; }
    public String getSourceNetworkName() { return sourceNetworkName; }
    public void setSourceNetworkName(String sourceNetworkName) { this.sourceNetworkName = sourceNetworkName; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
    public String getMac() { return mac; }
    public void setMac(String mac) { this.mac = mac; }
    public Boolean getKeepMac() { return keepMac; }
    public void setKeepMac(Boolean keepMac) { this.keepMac = keepMac; }
    public Boolean getDefaultNic() { return defaultNic; }
    public void setDefaultNic(Boolean defaultNic) { this.defaultNic = defaultNic; }
}
