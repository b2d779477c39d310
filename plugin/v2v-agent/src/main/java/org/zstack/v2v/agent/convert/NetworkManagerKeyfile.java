package org.zstack.v2v.agent.convert;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * NetworkManager's own format, for guests whose NetworkManager is not driven by netplan or ifcfg files: one
 * connection profile per NIC, bound to the pinned name and the MAC.
 */
final class NetworkManagerKeyfile {
    static final String DIR = "/etc/NetworkManager/system-connections";
    static final String PREFIX = "zstack-v2v-";

    private NetworkManagerKeyfile() {
    }

    /** NetworkManager ignores keyfiles that others than root can read: the caller writes it with mode 0600. */
    static String path(GuestNic nic) {
        return DIR + "/" + PREFIX + nic.name() + ".nmconnection";
    }

    static String render(GuestNic nic) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ZStack V2V: the migrated VM's NIC ").append(nic.mac()).append('\n');
        sb.append("[connection]\n");
        sb.append("id=").append(nic.name()).append('\n');
        // the same uuid for the same NIC on every run, so that a rerun replaces the profile instead of adding one
        sb.append("uuid=").append(UUID.nameUUIDFromBytes(("zstack-v2v:" + nic.mac()).getBytes(StandardCharsets.UTF_8)))
                .append('\n');
        sb.append("type=ethernet\n");
        sb.append("interface-name=").append(nic.name()).append('\n');
        sb.append("autoconnect=true\n");
        // above the "Wired connection N" profiles NetworkManager makes up for any unconfigured NIC
        sb.append("autoconnect-priority=100\n\n");
        sb.append("[ethernet]\nmac-address=").append(nic.mac()).append("\n\n");
        StaticAddress a = nic.address();
        if (a == null) {
            sb.append("[ipv4]\nmethod=auto\n\n[ipv6]\nmethod=auto\n");
            return sb.toString();
        }
        String family = a.ipv6() ? "ipv6" : "ipv4";
        sb.append('[').append(family).append("]\nmethod=manual\naddress1=").append(a.cidr());
        if (a.gateway() != null) {
            sb.append(',').append(a.gateway());
        }
        sb.append('\n');
        if (!a.dns().isEmpty()) {
            sb.append("dns=");
            a.dns().forEach(d -> sb.append(d).append(';'));
            sb.append('\n');
        }
        sb.append('\n');
        sb.append(a.ipv6() ? "[ipv4]\nmethod=disabled\n" : "[ipv6]\nmethod=auto\n");
        return sb.toString();
    }

    /**
     * Whether a profile of the guest configured one of the source NICs: an ethernet profile bound to a replaced
     * interface name or to one of the given MACs. {@code keys} holds only the profile's type, interface-name and
     * mac-address lines (a profile may hold secrets; nothing else of it is read).
     */
    static boolean configuresReplacedNic(Map<String, String> keys, Set<String> macs) {
        String type = keys.getOrDefault("type", "");
        if (!type.equals("ethernet") && !type.equals("802-3-ethernet")) {
            return false;
        }
        String name = keys.get("interface-name");
        if (name != null && SourceInterfaceNames.isReplaced(name)) {
            return true;
        }
        String mac = keys.get("mac-address");
        return mac != null && macs.contains(mac.trim().toLowerCase(java.util.Locale.ROOT));
    }
}
