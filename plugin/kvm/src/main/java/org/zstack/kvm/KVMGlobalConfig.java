package org.zstack.kvm;

import org.zstack.core.config.GlobalConfig;

public final class KVMGlobalConfig {
    private KVMGlobalConfig() {
    }

    public static final String CATEGORY = "kvm";
    /** Seconds between pings of every host. */
    public static final GlobalConfig PING_INTERVAL = new GlobalConfig(CATEGORY, "ping.interval");
    /** Seconds a ping may take before the host counts as Disconnected. */
    public static final GlobalConfig PING_TIMEOUT = new GlobalConfig(CATEGORY, "ping.timeout");
    /** Seconds an agent command may take when its caller sets no timeout. */
    public static final GlobalConfig AGENT_COMMAND_TIMEOUT = new GlobalConfig(CATEGORY, "agent.command.timeout");
    /** libvirt domain type of VMs: kvm, or qemu (TCG) for hosts without usable KVM. */
    public static final GlobalConfig VM_DOMAIN_TYPE = new GlobalConfig(CATEGORY, "vm.domainType");
}
