package org.zstack.v2v.agent.convert;

import java.util.regex.Pattern;

/**
 * Which interface names in a guest's network configuration belong to NICs that are gone after the migration:
 * the kernel's and udev's names for physical NICs (eth0, ens192, enp11s0, eno1, em1, p2p1 ...), their VLANs and
 * aliases (ens192.10, eth0:1), and the names this agent pinned in an earlier run ({@code net<k>}), which it
 * writes afresh. Bridges, bonds and other names the administrator chose are left alone: they are not tied to a
 * VMware NIC.
 */
final class SourceInterfaceNames {
    private static final Pattern PHYSICAL = Pattern.compile(
            "eth\\d+|en[a-zA-Z][0-9a-zA-Z_]*|em\\d+\\S*|p\\d+p\\d+\\S*|" + GuestNic.NAME_PREFIX + "\\d+");

    private SourceInterfaceNames() {
    }

    static boolean isReplaced(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        // a VLAN (ens192.10) or an alias (eth0:1) of a replaced NIC goes with it
        int cut = indexOfAny(name, ".:");
        String base = cut > 0 ? name.substring(0, cut) : name;
        return PHYSICAL.matcher(base).matches();
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
