package org.zstack.network.l3;

import org.zstack.core.db.Q;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.network.l3.IpRangeVO;
import org.zstack.header.network.l3.IpRangeVO_;

import static org.zstack.core.Platform.argerr;

/**
 * An L3 network is one subnet with one gateway (what a NIC on it configures): a new range must share them with
 * the network's other ranges and overlap none of them. Run it in the network's queue.
 */
final class NewIpRangeCheck {
    private NewIpRangeCheck() {
    }

    /** byCidr only picks the field the errors name: networkCidr, or the addresses of AddIpRange. */
    static void check(String l3NetworkUuid, IpRangeSpec spec, boolean byCidr) {
        for (IpRangeVO r : Q.New(IpRangeVO.class).eq(IpRangeVO_.l3NetworkUuid, l3NetworkUuid).list()) {
            IpRangeSpec other = IpRangeSpec.of(r);
            if (other.network() != spec.network() || other.prefixLen() != spec.prefixLen()) {
                throw fail("invalid field[%s]: l3Network[uuid:%s] is the network %s; the range [%s, %s] in %s cannot"
                        + " join it", byCidr ? "networkCidr" : "netmask", l3NetworkUuid, other.networkCidr(),
                        spec.startIp(), spec.endIp(), spec.networkCidr());
            }
            if (other.gateway() != spec.gateway()) {
                throw fail("invalid field[gateway]: the gateway of l3Network[uuid:%s] is %s, not %s",
                        l3NetworkUuid, other.gatewayIp(), spec.gatewayIp());
            }
            if (other.overlaps(spec)) {
                throw fail("invalid field[%s]: the range [%s, %s] overlaps the ip range[uuid:%s, name:%s] [%s, %s]"
                        + " of l3Network[uuid:%s]", byCidr ? "networkCidr" : "startIp", spec.startIp(), spec.endIp(),
                        r.getUuid(), r.getName(), r.getStartIp(), r.getEndIp(), l3NetworkUuid);
            }
        }
    }

    private static OperationFailureException fail(String fmt, Object... args) {
        return new OperationFailureException(argerr(fmt, args));
    }
}
