package org.zstack.vmware;

public interface VCenterConstant {
    String SERVICE_ID = "vcenter";
    String ESX_HYPERVISOR_TYPE = "ESX";
    /** The type of the clusters a vCenter sync creates, and of its datastores' primary storage. */
    String VCENTER_CLUSTER_TYPE = "vmware";
    String VCENTER_PRIMARY_STORAGE_TYPE = "VCenter";
    /** AboutInfo.apiType of a vCenter; an ESXi host answers HostAgent. */
    String API_TYPE_VCENTER = "VirtualCenter";
    String NETWORK_STANDARD = "Standard";
    String NETWORK_DISTRIBUTED = "Distributed";
    String NETWORK_OPAQUE = "Opaque";
}
