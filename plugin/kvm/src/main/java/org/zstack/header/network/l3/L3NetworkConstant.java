package org.zstack.header.network.l3;

public interface L3NetworkConstant {
    String SERVICE_ID = "l3Network";
    String L3_BASIC_NETWORK_TYPE = "L3BasicNetwork";
    int IPV4 = 4;
}
