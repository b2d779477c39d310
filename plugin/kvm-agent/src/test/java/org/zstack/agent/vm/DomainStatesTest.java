package org.zstack.agent.vm;

import org.junit.jupiter.api.Test;
import org.libvirt.DomainInfo.DomainState;

import static org.junit.jupiter.api.Assertions.*;

/** libvirt's states in ZStack's words. */
class DomainStatesTest {
    @Test
    void libvirtStatesInZStacksWords() {
        assertEquals("Running", DomainStates.toZStack(DomainState.VIR_DOMAIN_RUNNING));
        assertEquals("Running", DomainStates.toZStack(DomainState.VIR_DOMAIN_BLOCKED));
        assertEquals("Running", DomainStates.toZStack(DomainState.VIR_DOMAIN_SHUTDOWN));
        assertEquals("Paused", DomainStates.toZStack(DomainState.VIR_DOMAIN_PAUSED));
        assertEquals("Stopped", DomainStates.toZStack(DomainState.VIR_DOMAIN_SHUTOFF));
        assertEquals("Crashed", DomainStates.toZStack(DomainState.VIR_DOMAIN_CRASHED));
        assertEquals("Unknown", DomainStates.toZStack(DomainState.VIR_DOMAIN_NOSTATE));
        assertEquals("Unknown", DomainStates.toZStack(null));
    }
}
