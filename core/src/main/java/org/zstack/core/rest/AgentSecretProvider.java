package org.zstack.core.rest;

/**
 * The secret a host's agent and the node sign their calls with (AgentRequestSigner), by host uuid. Implemented by the
 * hypervisor plugin that owns the hosts (plugin/kvm), which stores it encrypted.
 */
public interface AgentSecretProvider {
    /** The plaintext secret, or null when the host is unknown or has none. */
    String secretOf(String hostUuid);
}
