package org.zstack.v2v.agent.convert;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** What is written into a guest for each network system; the inputs are real-world shapes of those files. */
class NetworkConfigRenderingTest {
    static final GuestNic DHCP = new GuestNic(0, "net0", "52:54:00:aa:bb:01", "00:50:56:8f:00:01", null);
    static final GuestNic STATIC = new GuestNic(1, "net1", "52:54:00:aa:bb:02", null,
            new StaticAddress("10.0.0.5", 24, "10.0.0.1", List.of("10.0.0.2", "10.0.0.3"), false));
    static final GuestNic STATIC6 = new GuestNic(2, "net2", "52:54:00:aa:bb:03", null,
            new StaticAddress("fd00::5", 64, "fd00::1", List.of("fd00::53"), true));

    /** the test guest's own file (testlib/src/main/guest/interfaces) */
    static final String TEST_GUEST_INTERFACES = """
            # The network of the ZStack V2V test guest, as a Debian guest on VMware has it: ifupdown, and the first
            # vmxnet3 NIC named ens192 by the kernel's predictable names. virt-v2v does not rename it.
            source /etc/network/interfaces.d/*

            auto lo
            iface lo inet loopback

            allow-hotplug ens192
            iface ens192 inet dhcp
            """;

    @Test
    void ifupdownReplacesTheSourceNicByThePinnedName() {
        String out = IfupdownConfig.rewrite(TEST_GUEST_INTERFACES, List.of(DHCP));
        assertEquals("""
                # The network of the ZStack V2V test guest, as a Debian guest on VMware has it: ifupdown, and the first
                # vmxnet3 NIC named ens192 by the kernel's predictable names. virt-v2v does not rename it.
                source /etc/network/interfaces.d/*

                auto lo
                iface lo inet loopback

                # ZStack V2V: the NICs of the migrated VM, each named after its MAC by udev
                auto net0
                allow-hotplug net0
                iface net0 inet dhcp
                """, out);
        // a rerun on an already configured guest gives the same file
        assertEquals(out, IfupdownConfig.rewrite(out, List.of(DHCP)));
    }

    @Test
    void ifupdownDropsStaticStanzasWithTheirCommentsAndKeepsEverythingElse() {
        String installer = """
                # This file describes the network interfaces available on your system
                source /etc/network/interfaces.d/*

                # The loopback network interface
                auto lo ens192 br0
                iface lo inet loopback

                # The primary network interface
                allow-hotplug ens192
                iface ens192 inet static
                \taddress 192.168.1.10/24
                \t# the office gateway
                \tgateway 192.168.1.1
                \tdns-nameservers 192.168.1.1
                iface ens192 inet6 auto

                iface ens192.10 inet manual
                    vlan-raw-device ens192

                iface br0 inet dhcp
                    bridge_ports none
                """;
        String out = IfupdownConfig.withoutReplacedInterfaces(installer);
        assertEquals("""
                # This file describes the network interfaces available on your system
                source /etc/network/interfaces.d/*

                # The loopback network interface
                auto lo br0
                iface lo inet loopback

                iface br0 inet dhcp
                    bridge_ports none
                """, out);
        String bridgeOnly = TEST_GUEST_INTERFACES.replace("ens192", "br0");
        assertSame(bridgeOnly, IfupdownConfig.withoutReplacedInterfaces(bridgeOnly), "nothing to remove: the very same text");
    }

    @Test
    void ifupdownWritesStaticIpv4AndIpv6() {
        String out = IfupdownConfig.stanzas(List.of(STATIC, STATIC6));
        assertTrue(out.contains("""
                auto net1
                allow-hotplug net1
                iface net1 inet static
                    address 10.0.0.5
                    netmask 255.255.255.0
                    gateway 10.0.0.1
                    dns-nameservers 10.0.0.2 10.0.0.3
                """), out);
        assertTrue(out.contains("""
                iface net2 inet6 static
                    address fd00::5
                    netmask 64
                    gateway fd00::1
                """), out);
    }

    @Test
    void netplanMatchesByMacAndSetsTheName() {
        assertEquals("""
                # ZStack V2V: the NICs of the migrated VM, each matched by its MAC and given a fixed name
                network:
                  version: 2
                  ethernets:
                    net0:
                      match:
                        macaddress: "52:54:00:aa:bb:01"
                      set-name: net0
                      dhcp4: true
                    net1:
                      match:
                        macaddress: "52:54:00:aa:bb:02"
                      set-name: net1
                      addresses: ["10.0.0.5/24"]
                      routes:
                        - to: "0.0.0.0/0"
                          via: "10.0.0.1"
                      nameservers:
                        addresses: ["10.0.0.2", "10.0.0.3"]
                """, NetplanConfig.render(List.of(DHCP, STATIC)));
    }

    @Test
    void netplanLosesTheSourceNicsEntriesOnly() {
        String installer = """
                # This is the network config written by 'subiquity'
                network:
                  ethernets:
                    ens192:
                      addresses:
                      - 192.168.1.10/24
                      # routes
                      routes:
                      - to: default
                        via: 192.168.1.1

                    "ens224":
                      dhcp4: true
                    br-slave: {dhcp4: false}
                  version: 2
                """;
        assertEquals("""
                # This is the network config written by 'subiquity'
                network:
                  ethernets:
                    br-slave: {dhcp4: false}
                  version: 2
                """, NetplanConfig.withoutReplacedInterfaces(installer));

        String onlySource = "network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n";
        assertEquals("network:\n  version: 2\n", NetplanConfig.withoutReplacedInterfaces(onlySource),
                "an empty ethernets: would be a null netplan rejects");
        assertNull(NetplanConfig.withoutReplacedInterfaces("network:\n  version: 2\n  renderer: NetworkManager\n"));
    }

    @Test
    void netplanFileWithABridgeOverTheSourceNicIsLeftAlone() {
        String bridged = """
                network:
                  version: 2
                  ethernets:
                    ens192: {}
                  bridges:
                    br0:
                      interfaces: [ens192]
                      dhcp4: true
                """;
        assertNull(NetplanConfig.withoutReplacedInterfaces(bridged));
    }

    @Test
    void networkManagerKeyfileBindsNameAndMac() {
        String dhcp = NetworkManagerKeyfile.render(DHCP);
        assertTrue(dhcp.contains("interface-name=net0\n"), dhcp);
        assertTrue(dhcp.contains("[ethernet]\nmac-address=52:54:00:aa:bb:01\n"), dhcp);
        assertTrue(dhcp.contains("[ipv4]\nmethod=auto\n"), dhcp);
        assertEquals(dhcp, NetworkManagerKeyfile.render(DHCP), "the same uuid on every run");
        String st = NetworkManagerKeyfile.render(STATIC);
        assertTrue(st.contains("[ipv4]\nmethod=manual\naddress1=10.0.0.5/24,10.0.0.1\ndns=10.0.0.2;10.0.0.3;\n"), st);
        String v6 = NetworkManagerKeyfile.render(STATIC6);
        assertTrue(v6.contains("[ipv6]\nmethod=manual\naddress1=fd00::5/64,fd00::1\n") && v6.contains("[ipv4]\nmethod=disabled"), v6);
        assertEquals("/etc/NetworkManager/system-connections/zstack-v2v-net0.nmconnection", NetworkManagerKeyfile.path(DHCP));

        Set<String> macs = Set.of("00:50:56:8f:00:01");
        assertTrue(NetworkManagerKeyfile.configuresReplacedNic(Map.of("type", "ethernet", "interface-name", "ens192"), macs));
        assertTrue(NetworkManagerKeyfile.configuresReplacedNic(Map.of("type", "802-3-ethernet", "mac-address", "00:50:56:8F:00:01"), macs));
        assertFalse(NetworkManagerKeyfile.configuresReplacedNic(Map.of("type", "wifi", "interface-name", "ens192"), macs));
        assertFalse(NetworkManagerKeyfile.configuresReplacedNic(Map.of("type", "ethernet"), macs), "a profile for any NIC stays");
    }

    @Test
    void ifcfgForDhcpAndStatic() {
        assertEquals("""
                # ZStack V2V: the migrated VM's NIC 52:54:00:aa:bb:01
                DEVICE=net0
                NAME=net0
                HWADDR=52:54:00:aa:bb:01
                TYPE=Ethernet
                ONBOOT=yes
                BOOTPROTO=dhcp
                """, IfcfgConfig.render(DHCP));
        String st = IfcfgConfig.render(STATIC);
        assertTrue(st.contains("BOOTPROTO=none\nIPADDR=10.0.0.5\nPREFIX=24\nGATEWAY=10.0.0.1\nDEFROUTE=yes\nDNS1=10.0.0.2\nDNS2=10.0.0.3\n"), st);
        assertTrue(IfcfgConfig.render(STATIC6).contains("IPV6INIT=yes\nIPV6ADDR=fd00::5/64\nIPV6_DEFAULTGW=fd00::1\n"));

        Set<String> macs = Set.of("00:50:56:8f:00:01");
        assertTrue(IfcfgConfig.configuresReplacedNic("ens192", Map.of(), macs));
        assertTrue(IfcfgConfig.configuresReplacedNic("System_eth0", Map.of("DEVICE", "\"eth0\""), macs));
        assertTrue(IfcfgConfig.configuresReplacedNic("office", Map.of("HWADDR", "00:50:56:8F:00:01"), macs));
        assertFalse(IfcfgConfig.configuresReplacedNic("lo", Map.of(), macs));
        assertFalse(IfcfgConfig.configuresReplacedNic("br0", Map.of("DEVICE", "br0"), macs));
    }

    @Test
    void networkdAndNamingRules() {
        assertEquals("# ZStack V2V: the migrated VM's NIC 52:54:00:aa:bb:02\n[Match]\nName=net1\n\n[Network]\n"
                + "Address=10.0.0.5/24\nGateway=10.0.0.1\nDNS=10.0.0.2\nDNS=10.0.0.3\n", NetworkdConfig.render(STATIC));
        assertTrue(NetworkdConfig.render(DHCP).endsWith("[Network]\nDHCP=yes\n"));

        assertEquals("/etc/systemd/network/10-zstack-v2v-0.link", NicNamingRules.linkPath(DHCP));
        assertTrue(NicNamingRules.link(DHCP).endsWith("[Match]\nMACAddress=52:54:00:aa:bb:01\n\n[Link]\nName=net0\n"));
        assertTrue(NicNamingRules.udevRules(List.of(DHCP, STATIC)).contains(
                "SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"?*\", ATTR{address}==\"52:54:00:aa:bb:02\", "
                        + "ATTR{type}==\"1\", NAME=\"net1\"\n"));
    }
}
