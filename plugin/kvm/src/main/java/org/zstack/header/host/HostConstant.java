package org.zstack.header.host;

public interface HostConstant {
    String SERVICE_ID = "host";
    String KVM_HYPERVISOR_TYPE = "KVM";
}
