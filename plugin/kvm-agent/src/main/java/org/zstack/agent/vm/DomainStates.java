package org.zstack.agent.vm;

import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;

/** libvirt's domain states in ZStack's words: Running, Stopped, Paused, Crashed, Unknown. */
final class DomainStates {
    static final String RUNNING = "Running";
    static final String STOPPED = "Stopped";
    static final String PAUSED = "Paused";
    static final String CRASHED = "Crashed";
    static final String UNKNOWN = "Unknown";

    private DomainStates() {
    }

    static String of(Domain domain) throws LibvirtException {
        DomainState state;
        try {
            state = domain.getInfo().state;
        } catch (ArrayIndexOutOfBoundsException e) {
            // libvirt-java 0.5.2 knows states 0-6 and indexes its enum with the raw number: 7, PMSUSPENDED (the
            // guest suspended itself to RAM), is the only state beyond it. The VM holds its memory but runs no code.
            return PAUSED;
        }
        return toZStack(state);
    }

    static String toZStack(DomainState state) {
        if (state == null) {
            return UNKNOWN;
        }
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> RUNNING;
            // "being shut down": QEMU still runs and still holds the disks, so it is not Stopped yet
            case VIR_DOMAIN_SHUTDOWN -> RUNNING;
            case VIR_DOMAIN_PAUSED -> PAUSED;
            case VIR_DOMAIN_SHUTOFF -> STOPPED;
            case VIR_DOMAIN_CRASHED -> CRASHED;
            case VIR_DOMAIN_NOSTATE -> UNKNOWN;
        };
    }
}
