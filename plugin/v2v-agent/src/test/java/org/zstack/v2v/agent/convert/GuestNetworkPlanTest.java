package org.zstack.v2v.agent.convert;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.zstack.v2v.agent.convert.NetworkConfigRenderingTest.DHCP;
import static org.zstack.v2v.agent.convert.NetworkConfigRenderingTest.STATIC;

/** Which files a guest gets, by what it has: only the systems it uses are configured. */
class GuestNetworkPlanTest {
    private static List<String> paths(GuestNetworkPlan plan) {
        return plan.writes.stream().map(GuestNetworkPlan.Write::path).toList();
    }

    private static GuestNetworkPlan.Write write(GuestNetworkPlan plan, String path) {
        return plan.writes.stream().filter(w -> w.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not written: " + paths(plan)));
    }

    @Test
    void debianOnIfupdownGetsLinkFilesAndItsInterfacesRewritten() {
        GuestNetworkFacts f = new GuestNetworkFacts();
        f.interfaces = NetworkConfigRenderingTest.TEST_GUEST_INTERFACES;
        f.interfacesD.put("vlan", "auto ens192.5\niface ens192.5 inet manual\n");
        f.interfacesD.put("extra", "iface br9 inet manual\n");
        f.ifupdown = true;
        f.systemdUdev = true;
        f.systemdNetworkFiles.addAll(List.of("10-zstack-v2v-0.link", "10-zstack-v2v-1.link", "10-zstack-v2v-3.network"));

        GuestNetworkPlan plan = GuestNetworkPlan.of(f, List.of(DHCP));

        assertEquals(List.of("ifupdown"), List.copyOf(plan.styles));
        assertEquals(List.of("/etc/systemd/network/10-zstack-v2v-0.link", "/etc/network/interfaces",
                "/etc/network/interfaces.d/vlan"), paths(plan));
        assertTrue(write(plan, "/etc/network/interfaces").content().contains("iface net0 inet dhcp"));
        assertEquals(0644, write(plan, "/etc/network/interfaces").mode());
        assertEquals("", write(plan, "/etc/network/interfaces.d/vlan").content());
        assertEquals(List.of("/etc/systemd/network/10-zstack-v2v-1.link", "/etc/systemd/network/10-zstack-v2v-3.network"),
                plan.deletes, "our files of an earlier run for NICs not mapped now");
        assertNull(plan.selinuxSpecFile);
    }

    @Test
    void ifupdownWithoutResolvconfGetsItsResolvConfWritten() {
        GuestNetworkFacts f = new GuestNetworkFacts();
        f.interfaces = NetworkConfigRenderingTest.TEST_GUEST_INTERFACES;
        f.ifupdown = true;
        f.systemdUdev = true;
        f.resolvConf = "# from DHCP\nsearch lab.example\nnameserver 192.168.1.1\noptions timeout:2\n";
        GuestNic second = new GuestNic(2, "net2", "52:54:00:aa:bb:03", null,
                new StaticAddress("10.0.1.5", 24, null, List.of("10.0.0.3", "10.0.1.53", "10.0.1.54"), false));

        GuestNetworkPlan plan = GuestNetworkPlan.of(f, List.of(DHCP, STATIC, second));

        // each server once, in NIC order, three at most (glibc reads no more); the guest's search and options stay
        assertEquals("# ZStack V2V: the DNS servers of the migrated VM's networks\nnameserver 10.0.0.2\nnameserver 10.0.0.3\n"
                + "nameserver 10.0.1.53\nsearch lab.example\noptions timeout:2\n", write(plan, "/etc/resolv.conf").content());
        assertEquals(0644, write(plan, "/etc/resolv.conf").mode());
        assertTrue(write(plan, "/etc/network/interfaces").content().contains("dns-nameservers 10.0.0.2 10.0.0.3"));

        // DHCP only: the DHCP client writes it
        assertFalse(paths(GuestNetworkPlan.of(f, List.of(DHCP))).contains("/etc/resolv.conf"));
        // resolvconf reads dns-nameservers itself; a link belongs to its service (systemd-resolved): neither is written
        f.resolvconf = true;
        assertFalse(paths(GuestNetworkPlan.of(f, List.of(STATIC))).contains("/etc/resolv.conf"));
        f.resolvconf = false;
        f.resolvConfLink = true;
        f.resolvConf = null;
        plan = GuestNetworkPlan.of(f, List.of(STATIC));
        assertFalse(paths(plan).contains("/etc/resolv.conf"));
        assertTrue(plan.notes.stream().anyMatch(n -> n.startsWith("/etc/resolv.conf is a link")), plan.notes.toString());
        // no resolv.conf at all: a new one
        f.resolvConfLink = false;
        assertEquals("# ZStack V2V: the DNS servers of the migrated VM's networks\nnameserver 10.0.0.2\nnameserver 10.0.0.3\n",
                write(GuestNetworkPlan.of(f, List.of(STATIC)), "/etc/resolv.conf").content());
    }

    @Test
    void ubuntuOnNetplanGetsNetplanOnlyEvenWithNetworkManagerInstalled() {
        GuestNetworkFacts f = new GuestNetworkFacts();
        f.interfaces = "# ifupdown has been replaced by netplan(5) on this system.\n";
        f.netplan = true;
        f.networkManager = true;
        f.netplanFiles.put("50-cloud-init.yaml", "network:\n  ethernets:\n    ens160:\n      dhcp4: true\n  version: 2\n");
        f.netplanFiles.put("01-network-manager-all.yaml", "network:\n  version: 2\n  renderer: NetworkManager\n");
        f.nmProfiles.put("Wired connection 1.nmconnection", Map.of("type", "ethernet", "interface-name", "ens160"));
        f.systemdUdev = true;
        f.cloudInit = true;

        GuestNetworkPlan plan = GuestNetworkPlan.of(f, List.of(DHCP, STATIC));

        assertEquals(List.of("netplan"), List.copyOf(plan.styles));
        assertEquals(List.of("/etc/systemd/network/10-zstack-v2v-0.link", "/etc/systemd/network/10-zstack-v2v-1.link",
                "/etc/netplan/50-cloud-init.yaml", NetplanConfig.FILE, GuestNetworkPlan.CLOUD_INIT_FILE), paths(plan));
        assertEquals("network:\n  version: 2\n", write(plan, "/etc/netplan/50-cloud-init.yaml").content());
        assertEquals(0600, write(plan, NetplanConfig.FILE).mode());
        assertTrue(plan.deletes.isEmpty(), "NetworkManager's own profiles are netplan's business here: " + plan.deletes);
    }

    @Test
    void rhel8WithIfcfgFilesGetsIfcfgNotKeyfilesAndLosesTheSourceNicsFiles() {
        GuestNetworkFacts f = new GuestNetworkFacts();
        f.networkManager = true;
        f.networkScripts = true;
        f.ifcfgFiles.put("lo", Map.of("DEVICE", "lo"));
        f.ifcfgFiles.put("ens192", Map.of("DEVICE", "ens192", "HWADDR", "00:50:56:8F:00:01"));
        f.ifcfgFiles.put("office", Map.of("HWADDR", "00:50:56:8f:00:01"));
        f.ifcfgFiles.put("br0", Map.of("DEVICE", "br0"));
        f.ifcfgFiles.put("net0", Map.of("DEVICE", "net0"));
        f.systemdUdev = true;
        f.selinuxType = "targeted";

        GuestNetworkPlan plan = GuestNetworkPlan.of(f, List.of(DHCP));

        assertEquals(List.of("ifcfg"), List.copyOf(plan.styles));
        assertTrue(paths(plan).contains("/etc/sysconfig/network-scripts/ifcfg-net0"), paths(plan).toString());
        assertEquals(List.of("/etc/sysconfig/network-scripts/ifcfg-ens192", "/etc/sysconfig/network-scripts/ifcfg-office"),
                plan.deletes);
        assertEquals("/etc/selinux/targeted/contexts/files/file_contexts", plan.selinuxSpecFile);
    }

    @Test
    void rhel9WithNetworkManagerOnlyGetsAKeyfile() {
        GuestNetworkFacts f = new GuestNetworkFacts();
        f.networkManager = true;
        f.networkScripts = true;
        f.nmProfiles.put("ens192.nmconnection", Map.of("type", "ethernet", "interface-name", "ens192"));
        f.nmProfiles.put("by-mac.nmconnection", Map.of("type", "ethernet", "mac-address", "00:50:56:8F:00:01"));
        f.nmProfiles.put("wifi.nmconnection", Map.of("type", "wifi", "interface-name", "wlan0"));
        f.nmProfiles.put("zstack-v2v-net7.nmconnection", Map.of("type", "ethernet", "interface-name", "net7"));
        f.systemdUdev = true;

        GuestNetworkPlan plan = GuestNetworkPlan.of(f, List.of(DHCP));

        assertEquals(List.of("NetworkManager"), List.copyOf(plan.styles));
        assertEquals(0600, write(plan, NetworkManagerKeyfile.path(DHCP)).mode());
        assertEquals(List.of(NetworkManagerKeyfile.DIR + "/by-mac.nmconnection", NetworkManagerKeyfile.DIR + "/ens192.nmconnection",
                NetworkManagerKeyfile.DIR + "/zstack-v2v-net7.nmconnection"), plan.deletes);
    }

    @Test
    void oldGuestWithoutSystemdUdevGetsAUdevRuleAndNetworkdGuestsANetworkFile() {
        GuestNetworkFacts old = new GuestNetworkFacts();
        old.networkScripts = true;
        GuestNetworkPlan plan = GuestNetworkPlan.of(old, List.of(DHCP));
        assertEquals(List.of(NicNamingRules.UDEV_RULES, "/etc/sysconfig/network-scripts/ifcfg-net0"), paths(plan));

        GuestNetworkFacts networkd = new GuestNetworkFacts();
        networkd.systemdUdev = true;
        networkd.systemdNetworkFiles.add("20-wired.network");
        plan = GuestNetworkPlan.of(networkd, List.of(DHCP));
        assertEquals(List.of("networkd"), List.copyOf(plan.styles));
        assertTrue(paths(plan).contains("/etc/systemd/network/10-zstack-v2v-0.network"));

        GuestNetworkFacts none = new GuestNetworkFacts();
        none.systemdUdev = true;
        plan = GuestNetworkPlan.of(none, List.of(DHCP));
        assertTrue(plan.styles.isEmpty());
        assertEquals(1, plan.notes.size());
        assertEquals(List.of("/etc/systemd/network/10-zstack-v2v-0.link"), paths(plan));
    }

    @Test
    void debianDesktopOnNetworkManagerIsNotGivenIfupdownStanzas() {
        GuestNetworkFacts f = new GuestNetworkFacts();
        f.interfaces = "source /etc/network/interfaces.d/*\nauto lo\niface lo inet loopback\n";
        f.ifupdown = true;
        f.networkManager = true;
        f.systemdUdev = true;
        GuestNetworkPlan plan = GuestNetworkPlan.of(f, List.of(DHCP));
        assertEquals(List.of("NetworkManager"), List.copyOf(plan.styles));
    }
}
