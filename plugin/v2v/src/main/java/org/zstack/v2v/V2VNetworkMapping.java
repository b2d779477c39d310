package org.zstack.v2v;

/** Every NIC of the task's VMs on source network sourceNetworkName (a port group) goes to l3NetworkUuid. */
public class V2VNetworkMapping {
    private String sourceNetworkName;
    private String l3NetworkUuid;

    public String getSourceNetworkName() { return sourceNetworkName; }
    public void setSourceNetworkName(String sourceNetworkName) { this.sourceNetworkName = sourceNetworkName; }
    public String getL3NetworkUuid() { return l3NetworkUuid; }
    public void setL3NetworkUuid(String l3NetworkUuid) { this.l3NetworkUuid = l3NetworkUuid; }
}
