package org.zstack.v2v.agent.convert;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Red Hat's {@code /etc/sysconfig/network-scripts/ifcfg-<name>} files, read by the network service of RHEL 6/7
 * and by NetworkManager's ifcfg-rh plugin of RHEL 7-9.
 */
final class IfcfgConfig {
    static final String DIR = "/etc/sysconfig/network-scripts";

    private IfcfgConfig() {
    }

    static String path(GuestNic nic) {
        return DIR + "/ifcfg-" + nic.name();
    }

    static String render(GuestNic nic) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ZStack V2V: the migrated VM's NIC ").append(nic.mac()).append('\n');
        sb.append("DEVICE=").append(nic.name()).append('\n');
        sb.append("NAME=").append(nic.name()).append('\n');
        // with HWADDR the network service itself renames the NIC on old releases that have no .link support
        sb.append("HWADDR=").append(nic.mac()).append('\n');
        sb.append("TYPE=Ethernet\nONBOOT=yes\n");
        StaticAddress a = nic.address();
        if (a == null) {
            sb.append("BOOTPROTO=dhcp\n");
            return sb.toString();
        }
        sb.append("BOOTPROTO=none\n");
        if (a.ipv6()) {
            sb.append("IPV6INIT=yes\nIPV6ADDR=").append(a.cidr()).append('\n');
            if (a.gateway() != null) {
                sb.append("IPV6_DEFAULTGW=").append(a.gateway()).append('\n');
            }
        } else {
            sb.append("IPADDR=").append(a.address()).append('\n');
            sb.append("PREFIX=").append(a.prefixLength()).append('\n');
            if (a.gateway() != null) {
                sb.append("GATEWAY=").append(a.gateway()).append('\n');
                sb.append("DEFROUTE=yes\n");
            }
        }
        for (int i = 0; i < a.dns().size(); i++) {
            sb.append("DNS").append(i + 1).append('=').append(a.dns().get(i)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Whether {@code ifcfg-<suffix>} configured one of the source NICs: its DEVICE (or its file name) is a
     * replaced interface, or its HWADDR one of the given MACs. {@code keys} holds its DEVICE and HWADDR lines.
     */
    static boolean configuresReplacedNic(String suffix, Map<String, String> keys, Set<String> macs) {
        if (suffix.equals("lo")) {
            return false;
        }
        String device = unquote(keys.getOrDefault("DEVICE", suffix));
        if (SourceInterfaceNames.isReplaced(device)) {
            return true;
        }
        String hwaddr = keys.get("HWADDR");
        return hwaddr != null && macs.contains(unquote(hwaddr).toLowerCase(Locale.ROOT));
    }

    private static String unquote(String v) {
        String s = v.trim();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
