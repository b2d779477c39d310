package org.zstack.v2v.agent.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files to write and delete in a converted Linux guest so that each mapped NIC comes up under its pinned name
 * with its addressing. Decided from {@link GuestNetworkFacts} alone (no I/O), so every decision is unit-tested.
 *
 * <p>Only the systems the guest uses get a configuration: two systems configuring one NIC fight over it (netplan
 * over NetworkManager, ifupdown and NetworkManager over DHCP leases).
 */
final class GuestNetworkPlan {
    static final String CLOUD_INIT_FILE = "/etc/cloud/cloud.cfg.d/99-zstack-v2v-network.cfg";
    private static final Pattern SELINUX_TYPE = Pattern.compile("[A-Za-z0-9_-]+");

    record Write(String path, String content, int mode) {
    }

    final List<Write> writes = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    /** the systems configured: ifupdown, netplan, NetworkManager, ifcfg, networkd */
    final Set<String> styles = new LinkedHashSet<>();
    /** what an administrator should know, for the agent's log */
    final List<String> notes = new ArrayList<>();
    /** the SELinux file contexts to relabel the written files with; null when the guest has no SELinux */
    String selinuxSpecFile;

    private GuestNetworkPlan() {
    }

    static GuestNetworkPlan of(GuestNetworkFacts f, List<GuestNic> nics) {
        GuestNetworkPlan plan = new GuestNetworkPlan();
        plan.name(f, nics);
        Set<String> macs = new HashSet<>();
        for (GuestNic nic : nics) {
            macs.add(nic.mac());
            if (nic.sourceMac() != null) {
                macs.add(nic.sourceMac());
            }
        }

        boolean ifcfg = f.networkScripts
                && (f.ifcfgFiles.keySet().stream().anyMatch(s -> !s.equals("lo")) || !f.networkManager);
        boolean netplan = f.netplan;
        boolean ifupdown = f.interfaces != null
                && (configuresReplacedNic(f) || f.ifupdown && !netplan && !f.networkManager && !ifcfg);
        // netplan and ifcfg files are NetworkManager's configuration where they exist
        boolean networkManager = f.networkManager && !netplan && !ifcfg;
        boolean networkd = !netplan && f.systemdNetworkFiles.stream()
                .anyMatch(n -> n.endsWith(".network") && !n.startsWith(NicNamingRules.LINK_PREFIX));

        if (ifupdown) {
            plan.ifupdown(f, nics);
        }
        if (netplan) {
            plan.netplan(f, nics);
        }
        if (networkManager) {
            plan.networkManager(f, nics, macs);
        }
        if (ifcfg) {
            plan.ifcfg(f, nics, macs);
        }
        if (networkd) {
            plan.styles.add("networkd");
            nics.forEach(n -> plan.writes.add(new Write(NetworkdConfig.path(n), NetworkdConfig.render(n), 0644)));
        }
        if (plan.styles.isEmpty()) {
            plan.notes.add("no network configuration system found in the guest (ifupdown, netplan, NetworkManager, "
                    + "ifcfg, networkd); only the NIC names are pinned");
        }
        plan.removeStaleOwnFiles(f);
        if (f.cloudInit) {
            // cloud-init would otherwise write its own fallback configuration (DHCP on the first NIC) at first boot
            // and take the NICs over
            plan.writes.add(new Write(CLOUD_INIT_FILE, "# ZStack V2V: the network was configured at migration\n"
                    + "network: {config: disabled}\n", 0644));
        }
        if (f.selinuxType != null && SELINUX_TYPE.matcher(f.selinuxType).matches()) {
            plan.selinuxSpecFile = "/etc/selinux/" + f.selinuxType + "/contexts/files/file_contexts";
        }
        return plan;
    }

    private void name(GuestNetworkFacts f, List<GuestNic> nics) {
        if (f.systemdUdev) {
            nics.forEach(n -> writes.add(new Write(NicNamingRules.linkPath(n), NicNamingRules.link(n), 0644)));
        } else {
            writes.add(new Write(NicNamingRules.UDEV_RULES, NicNamingRules.udevRules(nics), 0644));
        }
    }

    private static boolean configuresReplacedNic(GuestNetworkFacts f) {
        if (!IfupdownConfig.withoutReplacedInterfaces(f.interfaces).equals(f.interfaces)) {
            return true;
        }
        return f.interfacesD.values().stream()
                .anyMatch(c -> !IfupdownConfig.withoutReplacedInterfaces(c).equals(c));
    }

    private void ifupdown(GuestNetworkFacts f, List<GuestNic> nics) {
        styles.add("ifupdown");
        writes.add(new Write("/etc/network/interfaces", IfupdownConfig.rewrite(f.interfaces, nics), 0644));
        List<String> dns = ResolvConf.servers(nics);
        if (!dns.isEmpty()) {
            // dns-nameservers does something only through resolvconf; without it the guest keeps the source's DNS
            if (f.resolvconf) {
                notes.add("DNS " + dns + " is given to resolvconf by the dns-nameservers lines");
            } else if (f.resolvConfLink) {
                notes.add(ResolvConf.PATH + " is a link owned by a service (systemd-resolved?); DNS " + dns
                        + " is only in dns-nameservers lines, which need resolvconf");
            } else {
                writes.add(new Write(ResolvConf.PATH, ResolvConf.render(f.resolvConf, dns), 0644));
            }
        }
        for (Map.Entry<String, String> e : f.interfacesD.entrySet()) {
            String kept = IfupdownConfig.withoutReplacedInterfaces(e.getValue());
            if (!kept.equals(e.getValue())) {
                writes.add(new Write("/etc/network/interfaces.d/" + e.getKey(), kept, 0644));
            }
        }
    }

    private void netplan(GuestNetworkFacts f, List<GuestNic> nics) {
        styles.add("netplan");
        String own = NetplanConfig.FILE.substring(NetplanConfig.FILE.lastIndexOf('/') + 1);
        for (Map.Entry<String, String> e : f.netplanFiles.entrySet()) {
            if (e.getKey().equals(own)) {
                continue;
            }
            String edited = NetplanConfig.withoutReplacedInterfaces(e.getValue());
            if (edited != null) {
                // netplan warns about (and newer versions refuse) files that others can read
                writes.add(new Write("/etc/netplan/" + e.getKey(), edited, 0600));
            } else if (mentionsReplacedNic(e.getValue())) {
                notes.add("/etc/netplan/" + e.getKey() + " still names a source NIC (in a bridge, bond or VLAN, "
                        + "or in a form not edited automatically); left unchanged");
            }
        }
        writes.add(new Write(NetplanConfig.FILE, NetplanConfig.render(nics), 0600));
    }

    private static boolean mentionsReplacedNic(String yaml) {
        for (String token : yaml.split("[^\\w.:-]+")) {
            if (SourceInterfaceNames.isReplaced(token) && !token.startsWith(GuestNic.NAME_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private void networkManager(GuestNetworkFacts f, List<GuestNic> nics, Set<String> macs) {
        styles.add("NetworkManager");
        Set<String> ours = new HashSet<>();
        nics.forEach(n -> ours.add(NetworkManagerKeyfile.path(n)));
        for (Map.Entry<String, Map<String, String>> e : f.nmProfiles.entrySet()) {
            String path = NetworkManagerKeyfile.DIR + "/" + e.getKey();
            if (ours.contains(path)) {
                continue;
            }
            if (e.getKey().startsWith(NetworkManagerKeyfile.PREFIX)
                    || NetworkManagerKeyfile.configuresReplacedNic(e.getValue(), macs)) {
                deletes.add(path);
            }
        }
        nics.forEach(n -> writes.add(new Write(NetworkManagerKeyfile.path(n), NetworkManagerKeyfile.render(n), 0600)));
    }

    private void ifcfg(GuestNetworkFacts f, List<GuestNic> nics, Set<String> macs) {
        styles.add("ifcfg");
        Set<String> ours = new HashSet<>();
        nics.forEach(n -> ours.add(n.name()));
        for (Map.Entry<String, Map<String, String>> e : f.ifcfgFiles.entrySet()) {
            if (!ours.contains(e.getKey()) && IfcfgConfig.configuresReplacedNic(e.getKey(), e.getValue(), macs)) {
                deletes.add(IfcfgConfig.DIR + "/ifcfg-" + e.getKey());
            }
        }
        nics.forEach(n -> writes.add(new Write(IfcfgConfig.path(n), IfcfgConfig.render(n), 0644)));
    }

    /** A rerun with fewer NICs, or on a guest converted before: our files for NICs that are not mapped now. */
    private void removeStaleOwnFiles(GuestNetworkFacts f) {
        Set<String> written = new HashSet<>();
        writes.forEach(w -> written.add(w.path()));
        for (String name : f.systemdNetworkFiles) {
            String path = NicNamingRules.LINK_DIR + "/" + name;
            if (name.startsWith(NicNamingRules.LINK_PREFIX) && !written.contains(path)) {
                deletes.add(path);
            }
        }
    }
}
