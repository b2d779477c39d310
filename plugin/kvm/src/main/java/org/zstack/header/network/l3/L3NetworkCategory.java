package org.zstack.header.network.l3;

public enum L3NetworkCategory { Public, Private, System }
