package org.zstack.vmware;

/** Enabled vCenters are synced periodically; a Disabled one keeps its records and is left alone. */
public enum VCenterState {
    Enabled,
    Disabled
}
