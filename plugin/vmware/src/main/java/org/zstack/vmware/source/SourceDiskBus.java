package org.zstack.vmware.source;

/**
 * The bus of an ESX VM's disk, from the vSphere type of its controller, as the conversion names it: the guest calls
 * its disks sdX on SCSI and SATA and hdX on IDE, and virt-v2v rewrites those names only when it knows the bus.
 */
final class SourceDiskBus {
    private SourceDiskBus() {
    }

    /** scsi, sata or ide; null when the controller is not known (not synced yet, NVMe): the conversion takes SCSI. */
    static String of(String controllerType) {
        if (controllerType == null) {
            return null;
        }
        return switch (controllerType) {
            case "VirtualIDEController" -> "ide";
            case "VirtualAHCIController", "VirtualSATAController" -> "sata";
            case "ParaVirtualSCSIController", "VirtualLsiLogicController", "VirtualLsiLogicSASController",
                 "VirtualBusLogicController", "VirtualSCSIController" -> "scsi";
            default -> null;
        };
    }
}
