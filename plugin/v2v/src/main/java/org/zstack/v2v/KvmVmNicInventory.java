package org.zstack.v2v;

/** One NIC of a KVM source domain. */
public class KvmVmNicInventory {
    private String mac;
    /** bridge, network, direct... */
    private String type;
    private String bridge;
    private String network;
    private String model;
    /** What networkMappings and nics.sourceNetworkName match: the libvirt network, else the bridge, else the device. */
    private String networkName;

    public String getMac() { return mac; }
    public void setMac(String mac) { this.mac = mac; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getBridge() { return bridge; }
    public void setBridge(String bridge) { this.bridge = bridge; }
    public String getNetwork() { return network; }
    public void setNetwork(String network) { this.network = network; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getNetworkName() { return networkName; }
    public void setNetworkName(String networkName) { this.networkName = networkName; }
}
