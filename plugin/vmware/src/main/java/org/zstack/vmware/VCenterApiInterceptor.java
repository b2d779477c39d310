package org.zstack.vmware;

import org.zstack.core.Platform;
import org.zstack.core.db.Q;
import org.zstack.header.apimediator.ApiMessageInterceptionException;
import org.zstack.header.apimediator.ApiMessageInterceptor;
import org.zstack.header.message.APIMessage;

import java.util.Locale;

import static org.zstack.core.Platform.argerr;
import static org.zstack.core.Platform.err;

/** Checks vCenter APIs before they run, so that a refused request changes nothing and logs in nowhere. */
public class VCenterApiInterceptor implements ApiMessageInterceptor {
    @Override
    public APIMessage intercept(APIMessage msg) {
        if (msg instanceof APIAddVCenterMsg m) {
            validate(m);
        } else if (msg instanceof APIUpdateVCenterMsg m) {
            validate(m);
        }
        return msg;
    }

    private static void validate(APIAddVCenterMsg m) {
        m.setDomainName(checkDomainName(m.getDomainName()));
        if (m.getPort() == null) {
            m.setPort(VCenterEndpoint.defaultPort(m.isHttps()));
        }
        checkDuplicate(m.getDomainName(), m.getPort(), null);
        if (m.getResourceUuid() == null) {
            // the new vCenter's queue is named after its uuid: choose it now
            m.setResourceUuid(Platform.getUuid());
        } else if (Q.New(VCenterVO.class).eq(VCenterVO_.uuid, m.getResourceUuid()).isExists()) {
            throw new ApiMessageInterceptionException(argerr("a vCenter with uuid %s already exists", m.getResourceUuid()));
        }
    }

    private static void validate(APIUpdateVCenterMsg m) {
        if (m.getDomainName() != null) {
            m.setDomainName(checkDomainName(m.getDomainName()));
        }
        if (m.getDomainName() != null || m.getPort() != null) {
            VCenterVO vo = Q.New(VCenterVO.class).eq(VCenterVO_.uuid, m.getUuid()).find();
            String domain = m.getDomainName() != null ? m.getDomainName() : vo.getDomainName();
            int port = m.getPort() != null ? m.getPort() : vo.getPort();
            checkDuplicate(domain, port, m.getUuid());
        }
    }

    /** A host name or an IP address: no scheme, path, port or spaces; lower case. */
    static String checkDomainName(String d) {
        if (!d.matches("[A-Za-z0-9._\\-:\\[\\]]+") || d.contains("://")) {
            throw new ApiMessageInterceptionException(argerr("domainName[%s] must be a host name or an IP address, without a scheme, port or path", d));
        }
        return d.toLowerCase(Locale.ROOT);
    }

    private static void checkDuplicate(String domainName, int port, String except) {
        VCenterVO other = Q.New(VCenterVO.class).eq(VCenterVO_.domainName, domainName).eq(VCenterVO_.port, port).find();
        if (other != null && !other.getUuid().equals(except)) {
            throw new ApiMessageInterceptionException(err(VCenterErrors.DUPLICATE_VCENTER,
                    "vCenter %s:%d is already added as vCenter[uuid:%s, name:%s]", domainName, port, other.getUuid(), other.getName()));
        }
    }
}
