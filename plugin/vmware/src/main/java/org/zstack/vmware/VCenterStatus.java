package org.zstack.vmware;

/** Whether the last login or sync reached the vCenter. */
public enum VCenterStatus {
    Connected,
    Disconnected
}
