package org.zstack.v2v;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.header.apimediator.ApiMessageInterceptionException;
import org.zstack.header.apimediator.ApiMessageInterceptor;
import org.zstack.header.host.HostConstant;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;
import org.zstack.header.message.APIMessage;
import org.zstack.tag.SystemTag;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

import static org.zstack.core.Platform.argerr;
import static org.zstack.core.Platform.err;

/** Checks conversion-host APIs before they run, so that a refused request changes nothing. */
public class V2VApiInterceptor implements ApiMessageInterceptor {
    @Autowired
    private DatabaseFacade dbf;

    @Override
    public APIMessage intercept(APIMessage msg) {
        if (msg instanceof APIAddV2VConversionHostMsg m) {
            validate(m);
        } else if (msg instanceof APIUpdateV2VConversionHostMsg m) {
            if (m.getStoragePath() != null) {
                m.setStoragePath(checkStoragePath(m.getStoragePath()));
            }
            validateTags(m.getSystemTags());
        }
        return msg;
    }

    private void validate(APIAddV2VConversionHostMsg m) {
        m.setStoragePath(checkStoragePath(m.getStoragePath()));
        HostVO host = dbf.findByUuid(m.getHostUuid(), HostVO.class);
        if (!HostConstant.KVM_HYPERVISOR_TYPE.equals(host.getHypervisorType())) {
            throw fail(argerr("host[uuid:%s] is a %s host; a conversion host must be a KVM host", host.getUuid(), host.getHypervisorType()));
        }
        if (host.getStatus() != HostStatus.Connected) {
            throw fail(err(V2VErrors.CONVERSION_HOST_NOT_READY,
                    "host[uuid:%s, name:%s] is %s; a conversion host must be Connected", host.getUuid(), host.getName(), host.getStatus()));
        }
        if (Q.New(V2VConversionHostVO.class).eq(V2VConversionHostVO_.hostUuid, host.getUuid())
                .eq(V2VConversionHostVO_.type, m.getType()).isExists()) {
            throw fail(err(V2VErrors.DUPLICATE_CONVERSION_HOST,
                    "host[uuid:%s] is already a %s conversion host", host.getUuid(), m.getType()));
        }
        validateTags(m.getSystemTags());
    }

    /** An absolute path without '..', normalized: '/data//v2v/' becomes '/data/v2v'. */
    static String checkStoragePath(String p) {
        if (!p.startsWith("/")) {
            throw fail(argerr("storagePath[%s] must be an absolute path", p));
        }
        if (List.of(p.split("/")).contains("..")) {
            throw fail(argerr("storagePath[%s] must not contain '..'", p));
        }
        String n = Path.of(p).normalize().toString();
        if (n.equals("/")) {
            throw fail(argerr("storagePath must not be the root directory"));
        }
        return n;
    }

    private static void validateTags(List<String> tags) {
        checkBandwidth(tags, V2VSystemTags.UPLOAD_BANDWIDTH, "upload");
        checkBandwidth(tags, V2VSystemTags.DOWNLOAD_BANDWIDTH, "download");
        String t = V2VSystemTags.CONVERSION_NETWORK_CIDR.findTag(tags);
        if (t != null) {
            checkCidr(V2VSystemTags.CONVERSION_NETWORK_CIDR.parse(t).get(V2VSystemTags.CIDR_TOKEN));
        }
    }

    private static void checkBandwidth(List<String> tags, SystemTag tag, String direction) {
        String t = tag.findTag(tags);
        if (t == null) {
            return;
        }
        String v = tag.parse(t).get(V2VSystemTags.BANDWIDTH_TOKEN);
        long bw;
        try {
            bw = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw fail(argerr("the %s bandwidth[%s] must be a number of bytes per second", direction, v));
        }
        if (bw < V2VConstant.MIN_BANDWIDTH || bw > V2VConstant.MAX_BANDWIDTH) {
            throw fail(argerr("the %s bandwidth %d B/s is outside [1 MiB/s, 32 Gbps] = [%d, %d] B/s", direction, bw,
                    V2VConstant.MIN_BANDWIDTH, V2VConstant.MAX_BANDWIDTH));
        }
    }

    static void checkCidr(String cidr) {
        String[] parts = cidr.split("/");
        if (parts.length != 2) {
            throw fail(argerr("migration network[%s] is not a CIDR like 10.0.0.0/24", cidr));
        }
        boolean v4 = parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = parts[0].contains(":") && parts[0].matches("[0-9a-fA-F:.]+");
        int max = v4 ? 32 : 128;
        try {
            if (!v4 && !v6) {
                throw new UnknownHostException(parts[0]);
            }
            if (v4) {
                for (String o : parts[0].split("\\.")) {
                    if (Integer.parseInt(o) > 255) {
                        throw new UnknownHostException(parts[0]);
                    }
                }
            }
            // a literal address: no name lookup happens
            InetAddress.getByName(parts[0]);
            int prefix = Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > max) {
                throw new NumberFormatException();
            }
        } catch (UnknownHostException | NumberFormatException e) {
            throw fail(argerr("migration network[%s] is not a valid CIDR", cidr));
        }
    }

    private static ApiMessageInterceptionException fail(org.zstack.header.errorcode.ErrorCode e) {
        return new ApiMessageInterceptionException(e);
    }
}
