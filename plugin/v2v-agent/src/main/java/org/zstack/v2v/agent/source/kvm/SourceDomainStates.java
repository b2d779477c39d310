package org.zstack.v2v.agent.source.kvm;

import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;

/** libvirt's domain states in the few words the node decides on. */
final class SourceDomainStates {
    static final String RUNNING = "running";
    static final String PAUSED = "paused";
    static final String SHUTOFF = "shutoff";
    static final String OTHER = "other";
    /** the domain is no longer defined on the source (release only) */
    static final String MISSING = "missing";

    private SourceDomainStates() {
    }

    /** The state and libvirt's own word for it, which an error about an "other" state shows. */
    record State(String name, String libvirtName) {
    }

    static State of(Domain d) throws LibvirtException {
        DomainState s;
        try {
            s = d.getInfo().state;
        } catch (RuntimeException e) {
            // libvirt-java 0.5.2 knows no VIR_DOMAIN_PMSUSPENDED (7): it cannot map the number
            return new State(OTHER, "pmsuspended or unknown");
        }
        if (s == null) {
            return new State(OTHER, "unknown");
        }
        String libvirtName = s.name().replace("VIR_DOMAIN_", "").toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            // "blocked" is a running guest waiting on I/O
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> new State(RUNNING, libvirtName);
            case VIR_DOMAIN_PAUSED -> new State(PAUSED, libvirtName);
            case VIR_DOMAIN_SHUTOFF -> new State(SHUTOFF, libvirtName);
            default -> new State(OTHER, libvirtName);
        };
    }
}
