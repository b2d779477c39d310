package org.zstack.v2v.agent.source.kvm;

/** One interface of a source domain. */
public class KvmNic {
    public String mac;
    /** bridge, network, direct ...: libvirt's interface type */
    public String type;
    public String bridge;
    public String network;
    public String model;
    /** what the node maps to a target L3 network: the libvirt network, else the bridge, else the source device */
    public String networkName;
}
