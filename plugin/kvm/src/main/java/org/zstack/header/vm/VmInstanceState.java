package org.zstack.header.vm;

/**
 * The state of a VM instance. A VM taken over from another hypervisor (an ESX VM of a vCenter) shows what its
 * hypervisor says: poweredOn is Running, poweredOff is Stopped, suspended is Paused; anything else is Unknown.
 */
public enum VmInstanceState {
    /** Being built by a migration: records exist, the volumes are not all in place yet. */
    Creating,
    Running,
    Stopped,
    Paused,
    Unknown
}
