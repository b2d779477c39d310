package org.zstack.v2v.agent.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Netplan (Ubuntu's network configuration): our own file for the pinned names, and the source NICs' entries
 * taken out of the guest's files. The guest's YAML is edited line by line, not parsed and re-emitted, so that its
 * comments, order and quoting survive.
 */
final class NetplanConfig {
    /** after the installer's and cloud-init's files (00-, 50-): for the same key, netplan takes the last file */
    static final String FILE = "/etc/netplan/90-zstack-v2v.yaml";

    private static final Pattern ETHERNETS = Pattern.compile("^(\\s*)ethernets:\\s*(#.*)?$");
    private static final Pattern KEY = Pattern.compile("^(\\s*)(\"[^\"]+\"|'[^']+'|[^\\s:#\"'][^:#]*?):(\\s.*)?$");

    private NetplanConfig() {
    }

    static String render(List<GuestNic> nics) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ZStack V2V: the NICs of the migrated VM, each matched by its MAC and given a fixed name\n");
        sb.append("network:\n  version: 2\n  ethernets:\n");
        for (GuestNic nic : nics) {
            sb.append("    ").append(nic.name()).append(":\n");
            sb.append("      match:\n        macaddress: \"").append(nic.mac()).append("\"\n");
            sb.append("      set-name: ").append(nic.name()).append('\n');
            StaticAddress a = nic.address();
            if (a == null) {
                sb.append("      dhcp4: true\n");
                continue;
            }
            sb.append("      addresses: [\"").append(a.cidr()).append("\"]\n");
            if (a.gateway() != null) {
                // a route to the whole space rather than gateway4/"to: default": understood by every netplan version
                sb.append("      routes:\n        - to: \"").append(a.ipv6() ? "::/0" : "0.0.0.0/0")
                        .append("\"\n          via: \"").append(a.gateway()).append("\"\n");
            }
            if (!a.dns().isEmpty()) {
                sb.append("      nameservers:\n        addresses: [");
                for (int i = 0; i < a.dns().size(); i++) {
                    sb.append(i == 0 ? "\"" : ", \"").append(a.dns().get(i)).append('"');
                }
                sb.append("]\n");
            }
        }
        return sb.toString();
    }

    /**
     * The file without the {@code ethernets} entries of replaced interfaces; null when it does not need a change,
     * or when it cannot be changed safely: a bridge, bond or VLAN that names a replaced NIC would make netplan
     * reject the whole configuration once that NIC's entry is gone, so such a file is left as it is (its entries
     * then match no device, which is harmless).
     */
    static String withoutReplacedInterfaces(String content) {
        List<String> lines = List.of(content.split("\n", -1));
        List<String> out = new ArrayList<>();
        List<String> removedNames = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher e = ETHERNETS.matcher(lines.get(i));
            if (!e.matches()) {
                out.add(lines.get(i++));
                continue;
            }
            int blockIndent = e.group(1).length();
            int headerAt = out.size();
            out.add(lines.get(i++));
            int kept = 0;
            int childIndent = -1;
            boolean dropping = false;
            for (; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.strip().startsWith("#")) {
                    if (!dropping) {
                        out.add(l);
                    }
                    continue;
                }
                int indent = indentOf(l);
                if (indent <= blockIndent) {
                    break;
                }
                if (childIndent < 0) {
                    childIndent = indent;
                }
                if (indent == childIndent) {
                    Matcher k = KEY.matcher(l);
                    String name = k.matches() ? unquote(k.group(2).strip()) : null;
                    dropping = name != null && SourceInterfaceNames.isReplaced(name);
                    if (dropping) {
                        removedNames.add(name);
                    } else {
                        kept++;
                    }
                }
                if (!dropping) {
                    out.add(l);
                }
            }
            if (kept == 0 && childIndent >= 0) {
                // an empty "ethernets:" is a null, which netplan rejects: drop the key with its last entry
                out.remove(headerAt);
            }
        }
        if (removedNames.isEmpty()) {
            return null;
        }
        String result = String.join("\n", out);
        if (content.endsWith("\n") && !result.endsWith("\n")) {
            // the file's last newline, swallowed when the last entry was dropped
            result += "\n";
        }
        String withoutComments = result.replaceAll("(?m)(^|\\s)#.*$", "");
        for (String name : removedNames) {
            if (Pattern.compile("(?<![\\w.:-])" + Pattern.quote(name) + "(?![\\w.:-])").matcher(withoutComments).find()) {
                return null;
            }
        }
        return result;
    }

    private static int indentOf(String l) {
        int n = 0;
        while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
