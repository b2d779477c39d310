package org.zstack.header.vm;

public interface VmInstanceConstant {
    String SERVICE_ID = "vmInstance";
    String USER_VM_TYPE = "UserVm";
    String KVM_HYPERVISOR_TYPE = "KVM";
    String ESX_HYPERVISOR_TYPE = "ESX";

    /** ZStack's platforms, as ConvertVmFromForeignHypervisor takes them. */
    String PLATFORM_LINUX = "Linux";
    String PLATFORM_WINDOWS = "Windows";
    String PLATFORM_OTHER = "Other";
}
