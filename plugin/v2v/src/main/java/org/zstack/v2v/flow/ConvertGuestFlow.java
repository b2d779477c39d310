package org.zstack.v2v.flow;

import org.slf4j.LoggerFactory;
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
import java.util.Comparator;
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
        V2VAgentCommands.ConvertCmd cmd = command(ctx, V2VGlobalConfig.CONVERT_FORCE_TCG.value(Boolean.class),
                V2VGlobalConfig.CONVERT_TIMEOUT.value(Long.class));
        ctx.services.callStep(ctx.conversionHost.getHostUuid(), V2VAgentCommands.CONVERT_PATH, cmd,
                V2VAgentCommands.ConvertRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(V2VAgentCommands.ConvertRsp rsp) {
                        ctx.converted = rsp;
                        // the job's directory goes at its cleanup, its logs are kept: name where they will stay
                        ctx.services.updateJob(ctx.jobUuid(), j -> j.setLogPath(keptLog(ctx)));
                        ctx.endPhase(PHASE);
                        // the phase's two steps, so a slow conversion shows which one was slow
                        ctx.phaseTimes.put(PHASE + ".virt-v2v", Math.round(rsp.conversionSeconds * 100) / 100.0);
                        ctx.phaseTimes.put(PHASE + ".network", Math.round(rsp.networkSeconds * 100) / 100.0);
                        LoggerFactory.getLogger(ConvertGuestFlow.class).info("job {}: VM {} converted in {} s (virt-v2v {} s,"
                                + " guest network {} s), a {} guest {} {}; logs {} and {}", ctx.jobUuid(), ctx.vmName(),
                                rsp.seconds, rsp.conversionSeconds, rsp.networkSeconds, rsp.osType, rsp.distro, rsp.osVersion,
                                rsp.logPath, rsp.networkLogPath);
                        trigger.next();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        String log = keptLog(ctx);
                        ctx.services.updateJob(ctx.jobUuid(), j -> j.setLogPath(log));
                        trigger.fail(err(V2VErrors.CONVERT_FAILED, e, "converting VM %s failed; the conversion log is %s on"
                                + " conversion host %s", ctx.vmName(), log, ctx.conversionHost.getName()));
                    }
                });
    }

    /** Where virt-v2v's log of the job stays once the run ended: the agent keeps the logs under logs/<job>/. */
    static String keptLog(MigrationContext ctx) {
        return ctx.storagePath() + "/logs/" + ctx.jobUuid() + "/virt-v2v.log";
    }

    /**
     * The convert command for the transferred disks and the target NICs. Each disk goes with the bus it had at the
     * source: virt-v2v rewrites the guest's device names (sda on SCSI/SATA, hda on IDE) to the target's virtio ones
     * only when it is told the names the guest uses now.
     */
    static V2VAgentCommands.ConvertCmd command(MigrationContext ctx, boolean forceTcg, long timeoutSeconds) {
        V2VAgentCommands.ConvertCmd cmd = new V2VAgentCommands.ConvertCmd();
        cmd.jobUuid = ctx.jobUuid();
        cmd.apiId = ctx.apiId;
        cmd.storagePath = ctx.storagePath();
        cmd.progressBase = PROGRESS_BASE;
        cmd.progressSpan = PROGRESS_SPAN;
        cmd.vmName = ctx.spec.name;
        cmd.forceTcg = forceTcg;
        cmd.timeoutSeconds = timeoutSeconds;
        cmd.disks = new ArrayList<>();
        cmd.diskBuses = new ArrayList<>();
        // the agent numbered the transferred disks 0..n-1 in the order of ctx.disks, root first
        ctx.transferred.disks.stream().sorted(Comparator.comparingInt(d -> d.index)).forEach(d -> {
            cmd.disks.add(d.path);
            cmd.diskBuses.add(d.index < ctx.disks.size() ? ctx.disks.get(d.index).bus : null);
        });
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
        return cmd;
    }

    @Override
    public void rollback(FlowRollback trigger, Map data) {
        trigger.rollback();
    }
}
