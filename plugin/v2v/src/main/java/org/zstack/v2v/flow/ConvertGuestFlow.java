package org.zstack.v2v.flow;

import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.core.workflow.Flow;
import org.zstack.header.core.workflow.FlowRollback;
import org.zstack.header.core.workflow.FlowTrigger;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.network.l3.UsedIpInventory;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.V2VGlobalConfig;
import org.zstack.v2v.job.MigrationContext;
import org.zstack.v2v.job.V2VJobSpec;

import java.util.ArrayList;
import java.util.Map;

import static org.zstack.core.Platform.err;

/**
 * Convert: virt-v2v makes the transferred disks boot on KVM (virtio drivers, boot configuration, VMware tools
 * removed), then the guest's network is written for the target NICs: their MACs, and the IPs the target records
 * hold (static), or DHCP where the L3 network has no ranges. The IPs are taken before this flow, so the guest is
 * configured with exactly what ZStack records.
 */
public class ConvertGuestFlow implements Flow {
    public static final String PHASE = "convert";
    public static final int PROGRESS_BASE = 45;
    public static final int PROGRESS_SPAN = 35;
    private final MigrationContext ctx;

    public ConvertGuestFlow(MigrationContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run(FlowTrigger trigger, Map data) {
        ctx.beginPhase(PHASE, PROGRESS_BASE);
        V2VAgentCommands.ConvertCmd cmd = new V2VAgentCommands.ConvertCmd();
        cmd.jobUuid = ctx.jobUuid();
        cmd.apiId = ctx.apiId;
        cmd.storagePath = ctx.storagePath();
        cmd.progressBase = PROGRESS_BASE;
        cmd.progressSpan = PROGRESS_SPAN;
        cmd.vmName = ctx.spec.name;
        cmd.forceTcg = V2VGlobalConfig.CONVERT_FORCE_TCG.value(Boolean.class);
        cmd.timeoutSeconds = V2VGlobalConfig.CONVERT_TIMEOUT.value(Long.class);
        cmd.disks = new ArrayList<>();
        ctx.transferred.disks.stream().sorted((a, b) -> Integer.compare(a.index, b.index)).forEach(d -> cmd.disks.add(d.path));
        cmd.nics = new ArrayList<>();
        for (int i = 0; i < ctx.spec.nics.size(); i++) {
            V2VJobSpec.NicPlan n = ctx.spec.nics.get(i);
            UsedIpInventory ip = i < ctx.ips.size() ? ctx.ips.get(i) : null;
            V2VAgentCommands.GuestNic g = new V2VAgentCommands.GuestNic();
            g.mac = n.mac;
            g.sourceMac = n.sourceMac;
            if (ip != null) {
                g.ip = ip.getIp();
                g.netmask = ip.getNetmask();
                // only the default NIC routes: two default gateways would fight
                g.gateway = n.defaultNic ? ip.getGateway() : null;
                g.dns = n.defaultNic && ip.getGateway() != null ? java.util.List.of(ip.getGateway()) : null;
            }
            cmd.nics.add(g);
        }
        ctx.services.callStep(ctx.conversionHost.getHostUuid(), V2VAgentCommands.CONVERT_PATH, cmd,
                V2VAgentCommands.ConvertRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(V2VAgentCommands.ConvertRsp rsp) {
                        ctx.converted = rsp;
                        ctx.services.updateJob(ctx.jobUuid(), j -> j.setLogPath(rsp.logPath));
                        ctx.endPhase(PHASE);
                        trigger.next();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        // the job directory goes when the run ends; the agent keeps the logs under logs/<job>/
                        String log = ctx.storagePath() + "/logs/" + ctx.jobUuid() + "/virt-v2v.log";
                        ctx.services.updateJob(ctx.jobUuid(), j -> j.setLogPath(log));
                        trigger.fail(err(V2VErrors.CONVERT_FAILED, e, "converting VM %s failed; the conversion log is %s on"
                                + " conversion host %s", ctx.vmName(), log, ctx.conversionHost.getName()));
                    }
                });
    }

    @Override
    public void rollback(FlowRollback trigger, Map data) {
        trigger.rollback();
    }
}
