package org.zstack.v2v.agent.convert;

import org.zstack.agent.AgentException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A fixed address of one NIC, validated: every part of it is written into the guest's configuration files, so
 * nothing but an address literal may pass (no newline, no quote, no host name that would need a DNS lookup).
 *
 * @param prefixLength the netmask as a prefix length (24 for 255.255.255.0)
 * @param gateway      null when the network has none
 */
public record StaticAddress(String address, int prefixLength, String gateway, List<String> dns, boolean ipv6) {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** only the characters of an IPv6 literal; InetAddress then checks the form without any lookup */
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX = Pattern.compile("/?(\\d{1,3})");

    public StaticAddress {
        dns = List.copyOf(dns);
    }

    /**
     * @param netmask dotted ("255.255.255.0") or a prefix length ("24", "/24"); IPv6 takes a prefix length only,
     *                64 when null
     */
    public static StaticAddress parse(String ip, String netmask, String gateway, List<String> dns, String what) {
        String address = ip.trim();
        boolean v6 = isIpv6(address);
        if (!v6 && !isIpv4(address)) {
            throw new AgentException(String.format("%s: ip is not an IPv4 or IPv6 address: %s", what, ip));
        }
        int prefix = v6 ? prefixLength6(netmask, what) : prefixLength4(netmask, what);
        String gw = null;
        if (gateway != null && !gateway.isBlank()) {
            gw = gateway.trim();
            if (v6 ? !isIpv6(gw) : !isIpv4(gw)) {
                throw new AgentException(String.format("%s: gateway %s is not an address of the same family as %s",
                        what, gateway, ip));
            }
        }
        List<String> servers = new ArrayList<>();
        if (dns != null) {
            for (String d : dns) {
                if (d == null || d.isBlank()) {
                    continue;
                }
                String s = d.trim();
                if (!isIpv4(s) && !isIpv6(s)) {
                    throw new AgentException(String.format("%s: dns server is not an address: %s", what, d));
                }
                servers.add(s);
            }
        }
        return new StaticAddress(address, prefix, gw, servers, v6);
    }

    /** The IPv4 netmask in dotted form, as ifupdown and older tools want it. */
    public String netmask() {
        if (ipv6) {
            return Integer.toString(prefixLength);
        }
        long mask = prefixLength == 0 ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
        return String.format("%d.%d.%d.%d", mask >> 24 & 255, mask >> 16 & 255, mask >> 8 & 255, mask & 255);
    }

    /** "10.0.0.5/24": the form of netplan, NetworkManager and systemd-networkd. */
    public String cidr() {
        return address + "/" + prefixLength;
    }

    static boolean isIpv4(String s) {
        return s != null && IPV4.matcher(s).matches();
    }

    static boolean isIpv6(String s) {
        if (s == null || !IPV6_CHARS.matcher(s).matches()) {
            return false;
        }
        try {
            // a literal containing ':' is parsed, never resolved
            return InetAddress.getByName(s) instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static int prefixLength4(String netmask, String what) {
        if (netmask == null || netmask.isBlank()) {
            throw new AgentException(what + ": netmask is required with a fixed IPv4 address");
        }
        String m = netmask.trim();
        var p = PREFIX.matcher(m);
        if (p.matches()) {
            int len = Integer.parseInt(p.group(1));
            if (len <= 32) {
                return len;
            }
        } else if (isIpv4(m)) {
            long bits = 0;
            for (String octet : m.split("\\.")) {
                bits = bits << 8 | Integer.parseInt(octet);
            }
            int len = Long.bitCount(bits);
            // contiguous ones only: 255.0.255.0 is no netmask
            long expected = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
            if (bits == expected) {
                return len;
            }
        }
        throw new AgentException(String.format("%s: invalid netmask %s", what, netmask));
    }

    private static int prefixLength6(String netmask, String what) {
        if (netmask == null || netmask.isBlank()) {
            return 64;
        }
        var p = PREFIX.matcher(netmask.trim());
        if (p.matches() && Integer.parseInt(p.group(1)) <= 128) {
            return Integer.parseInt(p.group(1));
        }
        throw new AgentException(String.format("%s: invalid IPv6 prefix length %s", what, netmask));
    }
}
