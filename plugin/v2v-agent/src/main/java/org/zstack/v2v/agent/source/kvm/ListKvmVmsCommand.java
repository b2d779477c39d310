package org.zstack.v2v.agent.source.kvm;

import org.libvirt.LibvirtException;
import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;
import org.zstack.agent.Secret;

import java.util.List;

/**
 * {@code POST /v2v/kvm/vms} (ListVMsFromKVMHost): the domains of a source libvirt, shut-off ones included, with their
 * disks, NICs and firmware, and what this conversion host can do with them. Changes nothing on the source.
 */
public class ListKvmVmsCommand implements CommandHandler<ListKvmVmsCommand.ListCmd> {
    public static final String PATH = "/v2v/kvm/vms";

    public static class ListCmd {
        public String libvirtURI;
        @Secret
        public String sshPrivKey;
    }

    public static class ListRsp extends AgentResponse {
        /** the source's libvirt, e.g. "9.0.0" */
        public String libvirtVersion;
        /** the source's hypervisor (QEMU), e.g. "7.2.0" */
        public String qemuVersion;
        public ConversionHostCaps v2vCaps;
        public List<KvmDomain> vms;
    }

    @Override
    public AgentResponse handle(ListCmd cmd, AgentContext ctx) {
        try (SourceLibvirt source = SourceLibvirt.open(cmd.libvirtURI, cmd.sshPrivKey)) {
            ListRsp rsp = new ListRsp();
            try {
                rsp.libvirtVersion = version(source.connect().getLibVersion());
                rsp.qemuVersion = version(source.connect().getVersion());
                rsp.vms = new DomainInspector(source).all();
            } catch (LibvirtException e) {
                throw new AgentException(String.format("cannot list the domains of %s: %s", source.uri(),
                        source.describe(e)), e);
            }
            rsp.v2vCaps = ConversionHostCaps.get();
            return rsp;
        }
    }

    /** libvirt's encoding: major * 1,000,000 + minor * 1,000 + release. */
    static String version(long v) {
        if (v <= 0) {
            return null;
        }
        return (v / 1_000_000) + "." + (v / 1_000 % 1_000) + "." + (v % 1_000);
    }
}
