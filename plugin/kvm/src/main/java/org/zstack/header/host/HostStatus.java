package org.zstack.header.host;

/** Whether the node can reach the host's agent, kept by connect and ping. */
public enum HostStatus { Connecting, Connected, Disconnected }
