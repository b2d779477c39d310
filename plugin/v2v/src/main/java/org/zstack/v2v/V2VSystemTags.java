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
}
