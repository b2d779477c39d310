package org.zstack.v2v.agent.convert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * /etc/resolv.conf for a guest whose DNS nothing else writes (ifupdown without resolvconf): the mapped networks'
 * DNS servers, with the guest's own search, domain and options lines kept.
 */
final class ResolvConf {
    static final String PATH = "/etc/resolv.conf";
    static final String HEADER = "# ZStack V2V: the DNS servers of the migrated VM's networks";
    /** glibc's resolver reads the first three nameserver lines only. */
    static final int MAX_SERVERS = 3;

    private ResolvConf() {
    }

    /** The DNS servers of the NICs with fixed addresses, in NIC order, each once, at most MAX_SERVERS. */
    static List<String> servers(List<GuestNic> nics) {
        Set<String> ret = new LinkedHashSet<>();
        for (GuestNic n : nics) {
            if (n.address() != null) {
                ret.addAll(n.address().dns());
            }
        }
        return new ArrayList<>(ret).subList(0, Math.min(ret.size(), MAX_SERVERS));
    }

    /** @param old the guest's resolv.conf, or null: its nameserver lines go, its search/domain/options lines stay */
    static String render(String old, List<String> servers) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String s : servers) {
            sb.append("nameserver ").append(s).append('\n');
        }
        if (old != null) {
            for (String line : old.split("\n")) {
                String t = line.strip();
                if (t.startsWith("search") || t.startsWith("domain") || t.startsWith("options")) {
                    sb.append(t).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
