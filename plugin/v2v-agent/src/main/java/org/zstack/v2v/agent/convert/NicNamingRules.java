package org.zstack.v2v.agent.convert;

import java.util.List;

/**
 * What makes the guest give each NIC its pinned name, by MAC: a systemd {@code .link} file per NIC on guests
 * whose udev is systemd's (everything since RHEL 7, Debian 8, Ubuntu 15.04), a udev rule on older ones.
 *
 * <p>The .link files take effect when the real root's udev handles the NICs. An initramfs may carry its own copy
 * of the .link files (Debian's initramfs-tools and dracut copy them when they include networking); an initramfs
 * built before these files existed names the NIC its own way, and the real root's udev renames it afterwards,
 * which works because nothing has brought the NIC up yet. Only a root file system on the network would need the
 * initramfs rebuilt, and a migrated VMware guest boots from its disk.
 *
 * <p>A VLAN created on the NIC later shares its MAC and matches the .link too; its rename to the NIC's own name
 * fails (the name is taken) and it keeps the name it was given, so no further [Match] key is needed. A
 * {@code Type=ether} key is avoided on purpose: older systemd matched Type= against udev's DEVTYPE only, which
 * physical NICs do not have, so the file would match nothing there.
 */
final class NicNamingRules {
    static final String LINK_DIR = "/etc/systemd/network";
    static final String LINK_PREFIX = "10-zstack-v2v-";
    static final String UDEV_RULES = "/etc/udev/rules.d/70-zstack-v2v-net.rules";

    private NicNamingRules() {
    }

    /** Sorts before systemd's 99-default.link; the first matching .link file is the one udev applies. */
    static String linkPath(GuestNic nic) {
        return LINK_DIR + "/" + LINK_PREFIX + nic.index() + ".link";
    }

    static String link(GuestNic nic) {
        return "# ZStack V2V: the migrated VM's NIC with this MAC is always " + nic.name()
                + ", whatever PCI slot the target gives it\n"
                + "[Match]\nMACAddress=" + nic.mac() + "\n\n[Link]\nName=" + nic.name() + "\n";
    }

    /** The classic persistent-net rule; DRIVERS=="?*" keeps VLANs and bridges (no driver) out of it. */
    static String udevRules(List<GuestNic> nics) {
        StringBuilder sb = new StringBuilder("# ZStack V2V: the migrated VM's NICs, named by MAC\n");
        for (GuestNic nic : nics) {
            sb.append("SUBSYSTEM==\"net\", ACTION==\"add\", DRIVERS==\"?*\", ATTR{address}==\"").append(nic.mac())
                    .append("\", ATTR{type}==\"1\", NAME=\"").append(nic.name()).append("\"\n");
        }
        return sb.toString();
    }
}
