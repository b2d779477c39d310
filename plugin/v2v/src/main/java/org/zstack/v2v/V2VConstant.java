package org.zstack.v2v;

public interface V2VConstant {
    String SERVICE_ID = "v2v";
    String VMWARE = "VMWARE";
    String KVM = "KVM";
    /** 1 MiB/s and 32 Gbps, in bytes per second: the bounds of a conversion host's bandwidth limits. */
    long MIN_BANDWIDTH = 1024L * 1024;
    long MAX_BANDWIDTH = 32L * 1000 * 1000 * 1000 / 8;
}
