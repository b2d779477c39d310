package org.zstack.v2v.agent.source.kvm;

import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;
import org.zstack.agent.Secret;

import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * {@code POST /v2v/kvm/vm/prepare}: makes sure the source domain can be copied consistently, before the copy. A
 * shut-off domain is ready; a running one is paused when the job allows it, else refused. A domain that someone else
 * paused stays paused, and is not ours to resume later ({@code pausedByUs=false}).
 */
public class PrepareKvmVmCommand implements CommandHandler<PrepareKvmVmCommand.PrepareCmd> {
    public static final String PATH = "/v2v/kvm/vm/prepare";
    private static final Logger logger = Logger.getLogger(PrepareKvmVmCommand.class.getName());

    public static class PrepareCmd {
        public String jobUuid;
        public String libvirtURI;
        @Secret
        public String sshPrivKey;
        public String domainUuid;
        /** pause a running domain for the copy; without it a running domain is refused */
        public boolean pause;
    }

    public static class PrepareRsp extends AgentResponse {
        /** as listed, read again now */
        public KvmDomain vm;
        /** the state found, before anything was done: what release restores */
        public String initialState;
        public boolean pausedByUs;
    }

    @Override
    public AgentResponse handle(PrepareCmd cmd, AgentContext ctx) {
        requireDomainUuid(cmd.domainUuid);
        try (SourceLibvirt source = SourceLibvirt.open(cmd.libvirtURI, cmd.sshPrivKey)) {
            DomainInspector inspector = new DomainInspector(source);
            try {
                Domain d = inspector.byUuid(cmd.domainUuid);
                PrepareRsp rsp = new PrepareRsp();
                rsp.vm = inspector.describe(d);
                rsp.initialState = rsp.vm.state;
                refuseUnsupportedDisks(rsp.vm);
                rsp.pausedByUs = settle(d, rsp.vm, cmd, source);
                if (rsp.pausedByUs) {
                    rsp.vm.state = SourceDomainStates.of(d).name();
                }
                return rsp;
            } catch (LibvirtException e) {
                throw new AgentException(String.format("cannot prepare domain %s on %s: %s", cmd.domainUuid,
                        source.uri(), source.describe(e)), e);
            }
        }
    }

    static void requireDomainUuid(String uuid) {
        if (uuid == null || uuid.isBlank()) {
            throw new AgentException("domainUuid is required");
        }
    }

    /** Checked before the state is touched: a refused domain is left exactly as it was. */
    static void refuseUnsupportedDisks(KvmDomain vm) {
        List<KvmDisk> bad = vm.unsupportedDisks();
        if (!bad.isEmpty()) {
            throw new AgentException(String.format("domain %s cannot be migrated: %s", vm.name,
                    bad.stream().map(x -> x.unsupportedReason).collect(Collectors.joining("; "))));
        }
    }

    /** @return whether this call paused the domain */
    private static boolean settle(Domain d, KvmDomain vm, PrepareCmd cmd, SourceLibvirt source)
            throws LibvirtException {
        SourceDomainStates.State state = SourceDomainStates.of(d);
        switch (state.name()) {
            case SourceDomainStates.SHUTOFF:
            case SourceDomainStates.PAUSED:
                // paused by someone else: consistent for the copy, and theirs to resume, not ours
                return false;
            case SourceDomainStates.RUNNING:
                if (!cmd.pause) {
                    throw new AgentException(String.format("domain %s is running: a cold migration needs it shut"
                            + " off, or pauseVm to pause it during the copy", vm.name));
                }
                d.suspend();
                logger.info(String.format("job %s: paused domain %s (%s) on %s for the copy", cmd.jobUuid, vm.name,
                        vm.uuid, source.uri()));
                return true;
            default:
                throw new AgentException(String.format("domain %s is %s: it can be migrated only shut off, running"
                        + " or paused", vm.name, state.libvirtName()));
        }
    }
}
