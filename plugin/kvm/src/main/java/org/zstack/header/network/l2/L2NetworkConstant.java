package org.zstack.header.network.l2;

public interface L2NetworkConstant {
    String SERVICE_ID = "l2Network";
    String L2_NO_VLAN_NETWORK_TYPE = "L2NoVlanNetwork";
    /** The only switch the KVM hosts build for now: a Linux bridge on the physical interface. */
    String VSWITCH_TYPE_LINUX_BRIDGE = "LinuxBridge";
}
