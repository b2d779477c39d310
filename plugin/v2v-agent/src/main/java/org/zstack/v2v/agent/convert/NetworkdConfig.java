package org.zstack.v2v.agent.convert;

/**
 * systemd-networkd's {@code .network} files, for guests configured that way without netplan. networkd applies
 * the first file (in lexical order) that matches a link, so ours sort early; the source NICs' files are left in
 * place: their [Match] names no device any more.
 */
final class NetworkdConfig {
    static final String DIR = "/etc/systemd/network";

    private NetworkdConfig() {
    }

    static String path(GuestNic nic) {
        return DIR + "/10-zstack-v2v-" + nic.index() + ".network";
    }

    static String render(GuestNic nic) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ZStack V2V: the migrated VM's NIC ").append(nic.mac()).append('\n');
        sb.append("[Match]\nName=").append(nic.name()).append("\n\n[Network]\n");
        StaticAddress a = nic.address();
        if (a == null) {
            sb.append("DHCP=yes\n");
            return sb.toString();
        }
        sb.append("Address=").append(a.cidr()).append('\n');
        if (a.gateway() != null) {
            sb.append("Gateway=").append(a.gateway()).append('\n');
        }
        for (String d : a.dns()) {
            sb.append("DNS=").append(d).append('\n');
        }
        return sb.toString();
    }
}
