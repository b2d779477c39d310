package org.zstack.vmware.source;

/**
 * VCENTER.11xx: what can go wrong when a vCenter VM is the source of a migration; descriptions in
 * conf/errorCodes/vmware.xml.
 */
public enum VmwareSourceErrors {
    VM_NOT_FOUND(1100),
    SHUTDOWN_FAILED(1101),
    EXPORT_FAILED(1102),
    SNAPSHOT_FAILED(1103),
    DISKS_NOT_READABLE(1104),
    POWER_ON_FAILED(1105);

    private final String code;

    VmwareSourceErrors(int id) {
        code = String.format("VCENTER.%d", id);
    }

    @Override
    public String toString() {
        return code;
    }
}
