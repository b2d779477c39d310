package org.zstack.v2v;

import org.zstack.tag.SystemTag;

/**
 * The conversion host's settings that ZStack keeps as system tags. Bandwidths are bytes per second; the
 * migration network is a CIDR whose address the conversion host uses to reach the source.
 */
public final class V2VSystemTags {
    private V2VSystemTags() {
    }

    public static final String CIDR_TOKEN = "cidr";
    public static final String BANDWIDTH_TOKEN = "bandwidth";

    public static final SystemTag CONVERSION_NETWORK_CIDR =
            new SystemTag("conversion::network::cidr::{cidr}", V2VConversionHostVO.class);
    /** Traffic leaving the conversion host: volumes handed to the target primary storage. */
    public static final SystemTag UPLOAD_BANDWIDTH =
            new SystemTag("v2v::upload::bandwidth::{bandwidth}", V2VConversionHostVO.class);
    /** Traffic entering the conversion host: source disks read from vCenter or a KVM host. */
    public static final SystemTag DOWNLOAD_BANDWIDTH =
            new SystemTag("v2v::download::bandwidth::{bandwidth}", V2VConversionHostVO.class);

    /** The conversion host's download limit in bytes/s, or null when it has none. */
    public static Long downloadBandwidth(String conversionHostUuid) {
        return bandwidth(DOWNLOAD_BANDWIDTH, conversionHostUuid);
    }

    /** The conversion host's upload limit in bytes/s, or null when it has none. */
    public static Long uploadBandwidth(String conversionHostUuid) {
        return bandwidth(UPLOAD_BANDWIDTH, conversionHostUuid);
    }

    private static Long bandwidth(SystemTag tag, String uuid) {
        String v = tag.getTokenByResourceUuid(uuid, BANDWIDTH_TOKEN);
        return v == null ? null : Long.valueOf(v);
    }
}
