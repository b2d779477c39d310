package org.zstack.v2v.agent.convert;

import org.zstack.agent.AgentException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One NIC of the migrated VM as its guest will see it: the name this agent pins to it, its MAC on the target and
 * its addressing.
 *
 * <p>Names are {@code net0, net1, ...} by the NIC's position in the command. Why not the names the guest would
 * pick by itself: those depend on the PCI slot the target gives the NIC (ens3 on i440fx, enp1s0 on q35), which the
 * conversion host does not know. Why not eth0: the kernel names new NICs eth<i> itself, and a rename into that
 * namespace races with it (systemd.link(5) warns against it). "net" is used by neither the kernel nor udev's
 * predictable names, so the pinned names never collide with a NIC added later.
 *
 * @param sourceMac the NIC's MAC on VMware; null when unknown
 * @param address   null for DHCP
 */
public record GuestNic(int index, String name, String mac, String sourceMac, StaticAddress address) {
    public static final String NAME_PREFIX = "net";
    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

    public boolean dhcp() {
        return address == null;
    }

    /** Validates the command's NIC mappings; the k-th becomes {@code net<k>}. */
    public static List<GuestNic> of(List<ConvertCommand.NicMapping> mappings) {
        List<GuestNic> nics = new ArrayList<>();
        if (mappings == null) {
            return nics;
        }
        Set<String> macs = new HashSet<>();
        for (int k = 0; k < mappings.size(); k++) {
            ConvertCommand.NicMapping m = mappings.get(k);
            String what = "nics[" + k + "]";
            if (m == null) {
                throw new AgentException(what + " is null");
            }
            String mac = mac(m.mac, what + ".mac");
            if (mac == null) {
                throw new AgentException(what + ".mac is required");
            }
            if (!macs.add(mac)) {
                throw new AgentException(what + ": MAC " + mac + " is given twice");
            }
            String sourceMac = mac(m.sourceMac, what + ".sourceMac");
            StaticAddress address = m.ip == null || m.ip.isBlank() ? null
                    : StaticAddress.parse(m.ip, m.netmask, m.gateway, m.dns, what);
            nics.add(new GuestNic(k, NAME_PREFIX + k, mac, sourceMac, address));
        }
        return nics;
    }

    /** Lower case with colons, the form every configuration file accepts; null stays null. */
    static String mac(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String m = value.trim().toLowerCase(Locale.ROOT).replace('-', ':');
        if (!MAC.matcher(m).matches()) {
            throw new AgentException(what + " is not a MAC address: " + value);
        }
        return m;
    }
}
