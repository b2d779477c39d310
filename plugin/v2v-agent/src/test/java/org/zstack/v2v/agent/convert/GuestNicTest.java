package org.zstack.v2v.agent.convert;

import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class GuestNicTest {
    static ConvertCommand.NicMapping mapping(String mac, String ip, String netmask, String gateway, String... dns) {
        ConvertCommand.NicMapping m = new ConvertCommand.NicMapping();
        m.mac = mac;
        m.ip = ip;
        m.netmask = netmask;
        m.gateway = gateway;
        m.dns = List.of(dns);
        return m;
    }

    @Test
    void namesNicsByPositionAndNormalisesMacs() {
        ConvertCommand.NicMapping a = mapping("52-54-00-AA-BB-01", null, null, null);
        a.sourceMac = "00:50:56:8F:00:01";
        List<GuestNic> nics = GuestNic.of(List.of(a, mapping("52:54:00:aa:bb:02", "10.0.0.5", "255.255.255.0", "10.0.0.1")));

        assertEquals("net0", nics.get(0).name());
        assertEquals("52:54:00:aa:bb:01", nics.get(0).mac());
        assertEquals("00:50:56:8f:00:01", nics.get(0).sourceMac());
        assertTrue(nics.get(0).dhcp());
        assertEquals("net1", nics.get(1).name());
        assertEquals(new StaticAddress("10.0.0.5", 24, "10.0.0.1", List.of(), false), nics.get(1).address());
    }

    @Test
    void acceptsNetmasksDottedOrAsPrefixLength() {
        assertEquals(24, StaticAddress.parse("10.0.0.5", "255.255.255.0", null, null, "x").prefixLength());
        assertEquals(20, StaticAddress.parse("10.0.0.5", "/20", null, null, "x").prefixLength());
        assertEquals(32, StaticAddress.parse("10.0.0.5", "32", null, null, "x").prefixLength());
        assertEquals("255.255.240.0", StaticAddress.parse("10.0.0.5", "20", null, null, "x").netmask());
        assertEquals("0.0.0.0", StaticAddress.parse("10.0.0.5", "0", null, null, "x").netmask());
        StaticAddress v6 = StaticAddress.parse("fd00::5", null, "fd00::1", List.of("fd00::53"), "x");
        assertTrue(v6.ipv6());
        assertEquals("fd00::5/64", v6.cidr());
    }

    @Test
    void refusesAnythingThatIsNotAnAddressLiteral() {
        // each value ends up in a guest configuration file: an injected line must never pass
        assertThrows(AgentException.class, () -> StaticAddress.parse("10.0.0.5\nup rm -rf /", "24", null, null, "x"));
        assertThrows(AgentException.class, () -> StaticAddress.parse("example.com", "24", null, null, "x"));
        assertThrows(AgentException.class, () -> StaticAddress.parse("10.0.0.256", "24", null, null, "x"));
        assertThrows(AgentException.class, () -> StaticAddress.parse("10.0.0.5", "255.0.255.0", null, null, "x"));
        assertThrows(AgentException.class, () -> StaticAddress.parse("10.0.0.5", null, null, null, "x"));
        assertThrows(AgentException.class, () -> StaticAddress.parse("10.0.0.5", "24", "fd00::1", null, "x"));
        assertThrows(AgentException.class, () -> StaticAddress.parse("10.0.0.5", "24", null, List.of("8.8.8.8 x"), "x"));
        assertThrows(AgentException.class, () -> GuestNic.of(List.of(mapping("52:54:00:aa:bb", null, null, null))));
        assertThrows(AgentException.class, () -> GuestNic.of(List.of(mapping(null, null, null, null))));
        AgentException dup = assertThrows(AgentException.class, () -> GuestNic.of(List.of(
                mapping("52:54:00:aa:bb:01", null, null, null), mapping("52:54:00:AA:BB:01", null, null, null))));
        assertTrue(dup.getMessage().contains("nics[1]"), dup.getMessage());
    }

    @Test
    void tellsTheSourceNicsNamesFromTheAdministratorsOwn() {
        for (String n : List.of("eth0", "ens192", "ens192.10", "eth0:1", "enp11s0", "eno1", "enx0050568f0001", "em1",
                "p2p1", "net0", "net12")) {
            assertTrue(SourceInterfaceNames.isReplaced(n), n);
        }
        for (String n : List.of("lo", "br0", "bond0", "vlan10", "docker0", "wlan0", "internal0", "network")) {
            assertFalse(SourceInterfaceNames.isReplaced(n), n);
        }
    }
}
