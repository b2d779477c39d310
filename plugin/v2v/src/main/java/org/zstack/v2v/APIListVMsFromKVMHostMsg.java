package org.zstack.v2v;

import org.zstack.header.message.APIMessage;
import org.zstack.header.message.APIParam;
import org.zstack.header.message.NoLogging;
import org.zstack.header.rest.HttpMethod;
import org.zstack.header.rest.RestRequest;

/**
 * Lists the libvirt domains of a KVM host (any KVM platform, ZStack included) through a KVM conversion host, which
 * connects to {@code libvirtURI} (qemu+ssh://[user@]host[:port]/system with sshPrivKey, or qemu+tcp/qemu+tls).
 * The key is used for this call only: never stored, logged or returned.
 */
@RestRequest(path = "/v2v", method = HttpMethod.POST, parameterName = "params", responseClass = APIListVMsFromKVMHostEvent.class)
public class APIListVMsFromKVMHostMsg extends APIMessage {
    /** qemu+ssh://[user@]host[:port]/system (user root when absent), qemu+tcp://host/system or qemu+tls://host/system; no parameters. */
    @APIParam(maxLength = 1024)
    private String libvirtURI;
    /** A KVM conversion host, Enabled, whose host is Connected: its agent connects to the source. */
    @APIParam(resourceType = V2VConversionHostVO.class)
    private String conversionHostUuid;
    /** The private key (OpenSSH or PEM text) for qemu+ssh; used for this call only. */
    @APIParam(required = false, noTrim = true)
    @NoLogging
    private String sshPrivKey;

    public String getLibvirtURI() { return libvirtURI; }
    public void setLibvirtURI(String libvirtURI) { this.libvirtURI = libvirtURI; }
    public String getConversionHostUuid() { return conversionHostUuid; }
    public void setConversionHostUuid(String conversionHostUuid) { this.conversionHostUuid = conversionHostUuid; }
    public String getSshPrivKey() { return sshPrivKey; }
    public void setSshPrivKey(String sshPrivKey) { this.sshPrivKey = sshPrivKey; }
}
