package org.zstack.agent.host;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.*;

class HostFactsTest {
    @Test
    void ipv6IsWrittenInRfc5952Form() throws Exception {
        assertEquals("fd00::2", HostFacts.compressIpv6(InetAddress.getByName("fd00:0:0:0:0:0:0:2").getAddress()));
        assertEquals("2001:db8::1:0:0:1", HostFacts.compressIpv6(InetAddress.getByName("2001:db8:0:0:1:0:0:1").getAddress()));
        assertEquals("2001:db8:0:1:1:1:1:1", HostFacts.compressIpv6(InetAddress.getByName("2001:db8:0:1:1:1:1:1").getAddress()));
        assertEquals("::1", HostFacts.compressIpv6(InetAddress.getByName("::1").getAddress()));
        assertEquals("fe80::", HostFacts.compressIpv6(InetAddress.getByName("fe80::").getAddress()));
    }

    @Test
    void mountinfoEscapesAreDecoded() {
        assertEquals("/mnt/my dir\\x", MountTable.unescape("/mnt/my\\040dir\\134x"));
        assertEquals("/plain", MountTable.unescape("/plain"));
        assertEquals("/odd\\", MountTable.unescape("/odd\\"));
    }

    @Test
    void libvirtVersionNumbersAreDecoded() {
        assertEquals("9.0.0", LibvirtAccess.decode(9_000_000));
        assertEquals("7.2.22", LibvirtAccess.decode(7_002_022));
        assertNull(LibvirtAccess.decode(0));
    }
}
