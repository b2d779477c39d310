package org.zstack.agent.host;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the host is, read from the kernel's own files (/proc, /sys, /etc/os-release) rather than from tools,
 * so no package beyond the JDK is needed and nothing is parsed from localised output.
 */
public final class HostFacts {
    private static final Logger logger = Logger.getLogger(HostFacts.class.getName());
    private static final Path SYS_NET = Path.of("/sys/class/net");
    /** Kernel interface names: at most 15 bytes, no '/', no whitespace; '.' and '..' are directories. */
    private static final Pattern IFNAME = Pattern.compile("[^/\\s:]{1,15}");

    private HostFacts() {
    }

    public record Cpu(int count, String modelName) {
    }

    public record Memory(long total, long available) {
    }

    public record Os(String distribution, String version) {
    }

    public static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException ignored) {
            // not Linux /proc; ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Counts "processor" entries: the host's CPUs, not the JVM's cgroup-limited view. */
    public static Cpu cpu() {
        int count = 0;
        String model = null;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                if (key.equals("processor")) {
                    count++;
                } else if (model == null && key.equals("model name")) {
                    model = line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            logger.warning("cannot read /proc/cpuinfo: " + e.getMessage());
        }
        if (count == 0) {
            count = Runtime.getRuntime().availableProcessors();
        }
        return new Cpu(count, model == null ? "unknown" : model);
    }

    /** MemTotal and MemAvailable, in bytes (the kernel writes kB). */
    public static Memory memory() {
        Map<String, Long> kb = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                String[] parts = line.split("[:\\s]+");
                if (parts.length >= 2) {
                    try {
                        kb.put(parts[0], Long.parseLong(parts[1]));
                    } catch (NumberFormatException ignored) {
                        // a line without a number; not one we need
                    }
                }
            }
        } catch (IOException e) {
            logger.warning("cannot read /proc/meminfo: " + e.getMessage());
        }
        long total = kb.getOrDefault("MemTotal", 0L) * 1024;
        // kernels before 3.14 lack MemAvailable; MemFree is the closest older figure
        long avail = kb.getOrDefault("MemAvailable", kb.getOrDefault("MemFree", 0L)) * 1024;
        return new Memory(total, avail);
    }

    /** ID and VERSION_ID of /etc/os-release, e.g. "debian" and "12". */
    public static Os os() {
        Map<String, String> kv = new HashMap<>();
        for (String file : List.of("/etc/os-release", "/usr/lib/os-release")) {
            Path p = Path.of(file);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(p)) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        kv.put(line.substring(0, eq).trim(), unquote(line.substring(eq + 1).trim()));
                    }
                }
                break;
            } catch (IOException e) {
                logger.warning("cannot read " + file + ": " + e.getMessage());
            }
        }
        return new Os(kv.getOrDefault("ID", "unknown"), kv.getOrDefault("VERSION_ID", "unknown"));
    }

    /** Every network interface the kernel knows, sorted (lo included: it is an interface). */
    public static List<String> interfaces() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(SYS_NET)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            logger.warning("cannot list " + SYS_NET + ": " + e.getMessage());
        }
        Collections.sort(names);
        return names;
    }

    /** Linux bridges: interfaces with a {@code bridge/} directory in sysfs. */
    public static List<String> bridges() {
        List<String> out = new ArrayList<>();
        for (String n : interfaces()) {
            if (Files.isDirectory(SYS_NET.resolve(n).resolve("bridge"))) {
                out.add(n);
            }
        }
        return out;
    }

    /** True when the kernel has an interface of that name: a bridge, a NIC, a bond, a VLAN, lo. */
    public static boolean interfaceExists(String name) {
        if (name == null || !IFNAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            return false;
        }
        return Files.exists(SYS_NET.resolve(name));
    }

    /**
     * The host's addresses, without loopback and link-local ones: those the node could reach the host on.
     * IPv6 addresses lose their "%scope" suffix.
     */
    public static List<String> ipAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress()) {
                        continue;
                    }
                    out.add(a instanceof Inet6Address ? compressIpv6(a.getAddress()) : a.getHostAddress());
                }
            }
        } catch (SocketException e) {
            logger.warning("cannot list network addresses: " + e.getMessage());
        }
        return out;
    }

    /**
     * RFC 5952 text of an IPv6 address ("fd00::2", not Java's "fd00:0:0:0:0:0:0:2"): the form operators type and
     * the node compares against. The longest run of two or more zero groups becomes "::".
     */
    static String compressIpv6(byte[] a) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
