package org.zstack.v2v.agent.source.kvm;

import org.libvirt.Domain;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;
import org.zstack.agent.Secret;

import java.util.logging.Logger;

/**
 * {@code POST /v2v/kvm/vm/release}: after the copy (or its failure), resumes the source domain the job paused, or
 * shuts it down once the migrated VM takes over. Idempotent: called twice, or for a domain that is gone, it succeeds.
 */
public class ReleaseKvmVmCommand implements CommandHandler<ReleaseKvmVmCommand.ReleaseCmd> {
    public static final String PATH = "/v2v/kvm/vm/release";
    private static final Logger logger = Logger.getLogger(ReleaseKvmVmCommand.class.getName());

    public static class ReleaseCmd {
        public String jobUuid;
        public String libvirtURI;
        @Secret
        public String sshPrivKey;
        public String domainUuid;
        /** resume the domain if it is paused (the node sends it only when prepare answered pausedByUs) */
        public boolean resume;
        /** ask the guest to shut down (ACPI), without waiting for it */
        public boolean shutdown;
    }

    public static class ReleaseRsp extends AgentResponse {
        /** running, paused, shutoff, other, or missing when the domain no longer exists */
        public String state;
    }

    @Override
    public AgentResponse handle(ReleaseCmd cmd, AgentContext ctx) {
        PrepareKvmVmCommand.requireDomainUuid(cmd.domainUuid);
        try (SourceLibvirt source = SourceLibvirt.open(cmd.libvirtURI, cmd.sshPrivKey)) {
            ReleaseRsp rsp = new ReleaseRsp();
            try {
                Domain d = new DomainInspector(source).byUuidOrNull(cmd.domainUuid);
                if (d == null) {
                    rsp.state = SourceDomainStates.MISSING;
                    return rsp;
                }
                String name = d.getName();
                if (cmd.resume && SourceDomainStates.PAUSED.equals(SourceDomainStates.of(d).name())) {
                    tolerateRace(d::resume);
                    logger.info(String.format("job %s: resumed domain %s on %s", cmd.jobUuid, name, source.uri()));
                }
                if (cmd.shutdown && !SourceDomainStates.SHUTOFF.equals(SourceDomainStates.of(d).name())) {
                    tolerateRace(d::shutdown);
                    logger.info(String.format("job %s: asked domain %s on %s to shut down", cmd.jobUuid, name,
                            source.uri()));
                }
                rsp.state = SourceDomainStates.of(d).name();
            } catch (LibvirtException e) {
                if (DomainInspector.isGone(e)) {
                    rsp.state = SourceDomainStates.MISSING;
                    return rsp;
                }
                throw new AgentException(String.format("cannot release domain %s on %s: %s", cmd.domainUuid,
                        source.uri(), source.describe(e)), e);
            }
            return rsp;
        }
    }

    private interface DomainAction {
        void run() throws LibvirtException;
    }

    /**
     * The state may change between our look and our call (the guest shut itself down, someone resumed it): libvirt
     * then answers "operation invalid", which for a release means there is nothing left to do.
     */
    private static void tolerateRace(DomainAction action) throws LibvirtException {
        try {
            action.run();
        } catch (LibvirtException e) {
            if (DomainInspector.code(e) != ErrorNumber.VIR_ERR_OPERATION_INVALID) {
                throw e;
            }
        }
    }
}
