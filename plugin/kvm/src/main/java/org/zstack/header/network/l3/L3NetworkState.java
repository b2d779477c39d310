package org.zstack.header.network.l3;

public enum L3NetworkState { Enabled, Disabled }
