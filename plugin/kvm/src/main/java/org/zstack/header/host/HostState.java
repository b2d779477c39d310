package org.zstack.header.host;

/** What the administrator wants of a host; Maintenance takes it out of scheduling. */
public enum HostState { Enabled, Disabled, PreMaintenance, Maintenance }
