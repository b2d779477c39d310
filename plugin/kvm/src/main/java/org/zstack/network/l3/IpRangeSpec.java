package org.zstack.network.l3;

import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.network.l3.IpRangeVO;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.zstack.core.Platform.argerr;

/**
 * A checked IPv4 range: [start, end] inside the subnet network/prefixLen, the gateway in the subnet but outside the
 * range, and neither the subnet's network nor its broadcast address in use. Built from AddIpRange's four addresses
 * or from AddIpRangeByNetworkCidr's CIDR; every refusal is SYS.1007 naming the field at fault.
 */
public record IpRangeSpec(long start, long end, long network, int prefixLen, long gateway) {
    /** /30 is the smallest subnet with a gateway, one address to hand out, and a network and broadcast address. */
    static final int MAX_PREFIX_LEN = 30;
    private static final Pattern CIDR = Pattern.compile("([0-9.]+)/([0-9]{1,2})");

    public static IpRangeSpec fromRange(String startIp, String endIp, String netmask, String gateway) {
        long s = address("startIp", startIp);
        long e = address("endIp", endIp);
        long g = address("gateway", gateway);
        int prefix = Ipv4.prefixLength(netmask);
        if (prefix < 1 || prefix > MAX_PREFIX_LEN) {
            throw fail("invalid field[netmask]: %s is not a netmask of /1 to /%d", netmask, MAX_PREFIX_LEN);
        }
        if (s > e) {
            throw fail("invalid field[startIp]: the start ip %s is after the end ip %s", startIp, endIp);
        }
        long network = s & Ipv4.mask(prefix);
        String cidr = cidr(network, prefix);
        if ((e & Ipv4.mask(prefix)) != network) {
            throw fail("invalid field[endIp]: %s is not in the network %s of the start ip %s and the netmask %s",
                    endIp, cidr, startIp, netmask);
        }
        if ((g & Ipv4.mask(prefix)) != network) {
            throw fail("invalid field[gateway]: %s is not in the network %s of the ip range", gateway, cidr);
        }
        IpRangeSpec spec = new IpRangeSpec(s, e, network, prefix, g);
        if (s == network) {
            throw fail("invalid field[startIp]: %s is the network address of %s", startIp, cidr);
        }
        if (e == spec.broadcast()) {
            throw fail("invalid field[endIp]: %s is the broadcast address of %s", endIp, cidr);
        }
        if (g == network || g == spec.broadcast()) {
            throw fail("invalid field[gateway]: %s is the network or broadcast address of %s", gateway, cidr);
        }
        if (g >= s && g <= e) {
            throw fail("invalid field[gateway]: the gateway %s is inside the ip range [%s, %s]", gateway, startIp, endIp);
        }
        return spec;
    }

    /** gateway null means the first host address. */
    public static IpRangeSpec fromCidr(String networkCidr, String gateway) {
        Matcher m = CIDR.matcher(networkCidr);
        if (!m.matches() || !Ipv4.isIpv4(m.group(1))) {
            throw fail("invalid field[networkCidr]: %s is not an IPv4 CIDR such as 192.168.10.0/24", networkCidr);
        }
        int prefix = Integer.parseInt(m.group(2));
        if (prefix < 1 || prefix > MAX_PREFIX_LEN) {
            throw fail("invalid field[networkCidr]: the prefix length of %s must be 1 to %d", networkCidr, MAX_PREFIX_LEN);
        }
        // host bits are dropped, not refused: 10.0.0.1/24 names the network 10.0.0.0/24 as unambiguously
        long network = Ipv4.toLong(m.group(1)) & Ipv4.mask(prefix);
        long first = network + 1;
        long last = broadcast(network, prefix) - 1;
        long g = gateway == null ? first : address("gateway", gateway);
        if (g == first) {
            return new IpRangeSpec(first + 1, last, network, prefix, g);
        }
        if (g == last) {
            return new IpRangeSpec(first, last - 1, network, prefix, g);
        }
        throw fail("invalid field[gateway]: %s must be the first (%s) or the last (%s) host address of %s, so that"
                + " the ip range around it stays one piece", gateway, Ipv4.toString(first), Ipv4.toString(last),
                cidr(network, prefix));
    }

    public static IpRangeSpec of(IpRangeVO vo) {
        return new IpRangeSpec(Ipv4.toLong(vo.getStartIp()), Ipv4.toLong(vo.getEndIp()),
                Ipv4.toLong(vo.getNetworkCidr().split("/")[0]), vo.getPrefixLen(), Ipv4.toLong(vo.getGateway()));
    }

    public long broadcast() {
        return broadcast(network, prefixLen);
    }

    private static long broadcast(long network, int prefix) {
        return network | (~Ipv4.mask(prefix) & 0xffffffffL);
    }

    public boolean contains(long ip) {
        return ip >= start && ip <= end;
    }

    public boolean overlaps(IpRangeSpec other) {
        return start <= other.end && other.start <= end;
    }

    public long size() {
        return end - start + 1;
    }

    public String networkCidr() {
        return cidr(network, prefixLen);
    }

    public String startIp() { return Ipv4.toString(start); }
    public String endIp() { return Ipv4.toString(end); }
    public String gatewayIp() { return Ipv4.toString(gateway); }
    public String netmask() { return Ipv4.toString(Ipv4.mask(prefixLen)); }

    private static String cidr(long network, int prefix) {
        return Ipv4.toString(network) + "/" + prefix;
    }

    private static long address(String field, String value) {
        if (!Ipv4.isIpv4(value)) {
            throw fail("invalid field[%s]: %s is not an IPv4 address", field, value);
        }
        return Ipv4.toLong(value);
    }

    private static OperationFailureException fail(String fmt, Object... args) {
        return new OperationFailureException(argerr(fmt, args));
    }
}
