package org.zstack.network.l3;

import org.zstack.core.db.Q;
import org.zstack.header.apimediator.ApiMessageInterceptionException;
import org.zstack.header.apimediator.ApiMessageInterceptor;
import org.zstack.header.message.APIMessage;
import org.zstack.header.network.l3.*;

import static org.zstack.core.Platform.argerr;

/**
 * What can be refused from the message alone, before it waits in a queue: malformed addresses, CIDRs and
 * combinations. Checks against the other ranges of the network run in its queue (L3NetworkManagerImpl), where no
 * other change can interleave.
 */
public class L3NetworkApiInterceptor implements ApiMessageInterceptor {
    @Override
    public APIMessage intercept(APIMessage msg) throws ApiMessageInterceptionException {
        if (msg instanceof APICreateL3NetworkMsg m) {
            validate(m);
        } else if (msg instanceof APIAddIpRangeMsg m) {
            IpRangeSpec.fromRange(m.getStartIp(), m.getEndIp(), m.getNetmask(), m.getGateway());
        } else if (msg instanceof APIAddIpRangeByNetworkCidrMsg m) {
            IpRangeSpec.fromCidr(m.getNetworkCidr(), m.getGateway());
        } else if (msg instanceof APIDeleteIpRangeMsg m) {
            m.setL3NetworkUuid(Q.New(IpRangeVO.class).eq(IpRangeVO_.uuid, m.getUuid())
                    .listValues(IpRangeVO_.l3NetworkUuid).stream().findFirst().orElse(null));
        } else if (msg instanceof APICheckIpAvailabilityMsg m && !Ipv4.isIpv4(m.getIp())) {
            throw new ApiMessageInterceptionException(argerr("invalid field[ip]: %s is not an IPv4 address", m.getIp()));
        }
        return msg;
    }

    /** System networks (management, storage) are category System; a Private network is never a system one. */
    private static void validate(APICreateL3NetworkMsg m) {
        if (m.getIpVersion() != null && m.getIpVersion() != L3NetworkConstant.IPV4) {
            throw new ApiMessageInterceptionException(argerr("invalid field[ipVersion]: only IPv4 (4) is supported, got %s",
                    m.getIpVersion()));
        }
        boolean system = Boolean.TRUE.equals(m.getSystem());
        if ("System".equals(m.getCategory()) && !system) {
            throw new ApiMessageInterceptionException(argerr("invalid field[category]: category System needs system=true"));
        }
        if ("Private".equals(m.getCategory()) && system) {
            throw new ApiMessageInterceptionException(argerr("invalid field[category]: a system network cannot be Private;"
                    + " use System or Public"));
        }
    }
}
