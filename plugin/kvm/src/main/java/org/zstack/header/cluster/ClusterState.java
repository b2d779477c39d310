package org.zstack.header.cluster;

public enum ClusterState { Enabled, Disabled }
