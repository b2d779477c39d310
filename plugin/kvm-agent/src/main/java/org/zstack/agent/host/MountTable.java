package org.zstack.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What is mounted where, from /proc/self/mountinfo (which, unlike /proc/mounts, never drops entries). */
final class MountTable {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private MountTable() {
    }

    record Mount(String mountPoint, String fsType, String source) {
    }

    /** The mount visible at that directory (the last one stacked on it), or null. */
    static Mount find(Path mountPoint) throws IOException {
        String wanted = mountPoint.toString();
        Mount found = null;
        List<String> lines = Files.readAllLines(MOUNTINFO);
        for (String line : lines) {
            // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
            String[] f = line.split(" ");
            int dash = -1;
            for (int i = 6; i < f.length; i++) {
                if (f[i].equals("-")) {
                    dash = i;
                    break;
                }
            }
            if (f.length < 5 || dash < 0 || dash + 2 >= f.length) {
                continue;
            }
            if (unescape(f[4]).equals(wanted)) {
                found = new Mount(wanted, f[dash + 1], unescape(f[dash + 2]));
            }
        }
        return found;
    }

    /** The kernel writes space, tab, newline and backslash as \040, \011, \012, \134. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isOctal(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
    }
}
