package org.zstack.v2v.agent.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Debian's ifupdown configuration ({@code /etc/network/interfaces} and the files it sources): removes what
 * configured the source VM's NICs and appends stanzas for the pinned names. Everything else of the file (lo,
 * bridges, bonds, {@code source} lines, comments) is kept as it was, line by line.
 */
final class IfupdownConfig {
    static final String HEADER = "# ZStack V2V: the NICs of the migrated VM, each named after its MAC by udev";

    private IfupdownConfig() {
    }

    /** The main file: the old NICs removed, the new stanzas appended. */
    static String rewrite(String content, List<GuestNic> nics) {
        String kept = withoutReplacedInterfaces(content == null ? "" : content);
        StringBuilder sb = new StringBuilder(kept);
        if (!nics.isEmpty()) {
            if (sb.length() > 0) {
                if (sb.charAt(sb.length() - 1) != '\n') {
                    sb.append('\n');
                }
                sb.append('\n');
            }
            sb.append(stanzas(nics));
        }
        return sb.toString();
    }

    static String stanzas(List<GuestNic> nics) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (GuestNic nic : nics) {
            // auto: networking.service brings it up at boot and network-online.target waits for it;
            // allow-hotplug: it is also brought up if udev renames it only after networking.service ran
            sb.append("auto ").append(nic.name()).append('\n');
            sb.append("allow-hotplug ").append(nic.name()).append('\n');
            StaticAddress a = nic.address();
            if (a == null) {
                sb.append("iface ").append(nic.name()).append(" inet dhcp\n");
                continue;
            }
            sb.append("iface ").append(nic.name()).append(a.ipv6() ? " inet6" : " inet").append(" static\n");
            // address + netmask rather than address/prefix: ifupdown before 0.8 knows only this form
            sb.append("    address ").append(a.address()).append('\n');
            sb.append("    netmask ").append(a.netmask()).append('\n');
            if (a.gateway() != null) {
                sb.append("    gateway ").append(a.gateway()).append('\n');
            }
            if (!a.dns().isEmpty()) {
                // read by resolvconf when installed; harmless without it
                sb.append("    dns-nameservers ").append(String.join(" ", a.dns())).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Drops the stanzas ({@code iface}, {@code mapping}) and the {@code auto}/{@code allow-*} entries of the
     * replaced interfaces, together with the comment lines right above a dropped stanza (the installer's "# The
     * primary network interface"). Returns the text unchanged when nothing refers to a replaced interface.
     */
    static String withoutReplacedInterfaces(String content) {
        List<String> out = new ArrayList<>();
        List<String> pendingComments = new ArrayList<>();
        boolean inDroppedStanza = false;
        boolean changed = false;
        for (String line : content.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                out.addAll(pendingComments);
                pendingComments.clear();
                out.add("");
                continue;
            }
            if (t.startsWith("#")) {
                if (inDroppedStanza && Character.isWhitespace(line.charAt(0))) {
                    changed = true;
                } else {
                    pendingComments.add(line);
                }
                continue;
            }
            String[] w = t.split("\\s+");
            String keyword = w[0];
            String kept = line;
            if (keyword.equals("iface") || keyword.equals("mapping")) {
                inDroppedStanza = w.length > 1 && SourceInterfaceNames.isReplaced(w[1]);
                kept = inDroppedStanza ? null : line;
            } else if (keyword.equals("auto") || keyword.startsWith("allow-")
                    || keyword.equals("no-auto-down") || keyword.equals("no-scripts")) {
                inDroppedStanza = false;
                kept = withoutReplacedNames(line, w);
            } else if (keyword.equals("rename")) {
                inDroppedStanza = false;
                kept = mentionsReplaced(w) ? null : line;
            } else if (keyword.startsWith("source")) {
                inDroppedStanza = false;
            } else if (inDroppedStanza) {
                // an option line (address, gateway, ...) of a dropped stanza
                kept = null;
            }
            if (kept == null) {
                pendingComments.clear();
                changed = true;
                continue;
            }
            if (!kept.equals(line)) {
                changed = true;
            }
            out.addAll(pendingComments);
            pendingComments.clear();
            out.add(kept);
        }
        out.addAll(pendingComments);
        if (!changed) {
            return content;
        }
        return joinCollapsingBlankLines(out);
    }

    private static String withoutReplacedNames(String line, String[] w) {
        List<String> keep = new ArrayList<>();
        for (int i = 1; i < w.length; i++) {
            if (!SourceInterfaceNames.isReplaced(w[i])) {
                keep.add(w[i]);
            }
        }
        if (keep.size() == w.length - 1) {
            return line;
        }
        if (keep.isEmpty()) {
            return null;
        }
        String indent = line.substring(0, line.indexOf(w[0]));
        return indent + w[0] + " " + String.join(" ", keep);
    }

    private static boolean mentionsReplaced(String[] w) {
        for (int i = 1; i < w.length; i++) {
            for (String part : w[i].split("=")) {
                if (SourceInterfaceNames.isReplaced(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removing stanzas leaves runs of blank lines behind; keep at most one, and none at the end. */
    private static String joinCollapsingBlankLines(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        boolean lastBlank = true;
        for (String l : lines) {
            boolean blank = l.isBlank();
            if (blank && lastBlank) {
                continue;
            }
            sb.append(l).append('\n');
            lastBlank = blank;
        }
        while (sb.length() > 1 && sb.charAt(sb.length() - 1) == '\n' && sb.charAt(sb.length() - 2) == '\n') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }
}
