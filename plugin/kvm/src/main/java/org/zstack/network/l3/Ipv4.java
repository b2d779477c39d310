package org.zstack.network.l3;

import java.util.regex.Pattern;

/**
 * IPv4 addresses as longs in [0, 2^32). Parsing is strict and local: four decimal octets 0-255 without leading
 * zeros (010 reads as octal in some tools, so it is refused rather than guessed), and never a DNS lookup, which
 * InetAddress would do for anything that is not a literal.
 */
public final class Ipv4 {
    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private Ipv4() {
    }

    public static boolean isIpv4(String s) {
        if (s == null || !DOTTED_QUAD.matcher(s).matches()) {
            return false;
        }
        for (String part : s.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException if s is not an IPv4 address */
    public static long toLong(String s) {
        if (!isIpv4(s)) {
            throw new IllegalArgumentException(s + " is not an IPv4 address");
        }
        long v = 0;
        for (String part : s.split("\\.")) {
            v = (v << 8) | Integer.parseInt(part);
        }
        return v;
    }

    public static String toString(long v) {
        return String.format("%d.%d.%d.%d", (v >> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    }

    public static long mask(int prefixLen) {
        return prefixLen == 0 ? 0 : (0xffffffffL << (32 - prefixLen)) & 0xffffffffL;
    }

    /** The prefix length of a netmask such as 255.255.255.0, or -1 when it is not one (its ones are not contiguous). */
    public static int prefixLength(String netmask) {
        if (!isIpv4(netmask)) {
            return -1;
        }
        long m = toLong(netmask);
        int ones = Long.bitCount(m);
        return mask(ones) == m ? ones : -1;
    }
}
