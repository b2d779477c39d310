package org.zstack.vmware.source;

import org.zstack.vmware.VCenterVO;

/** host[:port] of a vCenter, as URLs the conversion host reads from name it (the port only when not 443). */
final class VCenterAddress {
    private VCenterAddress() {
    }

    static String authority(VCenterVO vc) {
        String host = vc.getDomainName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return vc.getPort() == 443 ? host : host + ":" + vc.getPort();
    }
}
