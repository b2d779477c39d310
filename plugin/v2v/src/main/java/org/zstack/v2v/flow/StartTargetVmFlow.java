package org.zstack.v2v.flow;

import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.core.workflow.Flow;
import org.zstack.header.core.workflow.FlowRollback;
import org.zstack.header.core.workflow.FlowTrigger;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.network.l2.L2NetworkVO;
import org.zstack.header.network.l3.L3NetworkVO;
import org.zstack.header.vm.VmInstanceState;
import org.zstack.header.vm.VmInstanceVO;
import org.zstack.kvm.KVMAgentCommands;
import org.zstack.kvm.KVMConstant;
import org.zstack.kvm.KVMGlobalConfig;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.job.MigrationContext;
import org.zstack.v2v.job.V2VJobSpec;

import java.util.ArrayList;
import java.util.Map;

import static org.zstack.core.Platform.err;

/**
 * Target, part three: InstantStart defines and starts the domain on the target host; JustConvert leaves the VM
 * Stopped with its volumes in place (it starts like any stopped VM). Rollback destroys the domain.
 */
public class StartTargetVmFlow implements Flow {
    public static final String PHASE = "start";
    private final MigrationContext ctx;
    private boolean defined;

    public StartTargetVmFlow(MigrationContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run(FlowTrigger trigger, Map data) {
        ctx.beginPhase(PHASE, 95);
        if (!ctx.spec.startAfterMigration()) {
            ctx.services.dbf.updateById(VmInstanceVO.class, ctx.spec.targetVmUuid, v -> v.setState(VmInstanceState.Stopped));
            ctx.endPhase(PHASE);
            trigger.next();
            return;
        }
        KVMAgentCommands.StartVmCmd cmd = startCommand();
        defined = true;
        ctx.services.callStep(ctx.spec.hostUuid, KVMConstant.VM_START_PATH, cmd, KVMAgentCommands.StartVmRsp.class,
                new ReturnValueCompletion<>() {
                    @Override
                    public void success(KVMAgentCommands.StartVmRsp rsp) {
                        ctx.services.dbf.updateById(VmInstanceVO.class, ctx.spec.targetVmUuid, v -> v.setState(
                                "Running".equals(rsp.state) ? VmInstanceState.Running : VmInstanceState.Stopped));
                        ctx.endPhase(PHASE);
                        trigger.next();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        destroy(() -> trigger.fail(err(V2VErrors.TARGET_FAILED, e, "starting VM %s on host %s failed",
                                ctx.spec.name, ctx.targetHost.getName())));
                    }
                });
    }

    private KVMAgentCommands.StartVmCmd startCommand() {
        V2VJobSpec spec = ctx.spec;
        KVMAgentCommands.StartVmCmd cmd = new KVMAgentCommands.StartVmCmd();
        cmd.vmUuid = spec.targetVmUuid;
        cmd.vmName = spec.name;
        cmd.cpuNum = spec.cpuNum;
        cmd.memorySize = spec.memorySize;
        cmd.domainType = KVMGlobalConfig.VM_DOMAIN_TYPE.value();
        cmd.bootMode = spec.sourceVm.bootMode == null ? "BIOS" : spec.sourceVm.bootMode;
        // a guest that booted with secure boot gets it again (its boot chain is signed); OVMF's secure-boot build
        // needs SMM, which only the q35 machine has
        cmd.secureBoot = spec.sourceVm.secureBoot && "UEFI".equals(cmd.bootMode);
        cmd.machineType = cmd.secureBoot ? "q35" : "pc";
        cmd.serialLogPath = "/var/log/libvirt/qemu/" + spec.targetVmUuid + "-serial.log";
        cmd.start = true;
        cmd.volumes = new ArrayList<>();
        for (int i = 0; i < ctx.volumeUuids.size(); i++) {
            KVMAgentCommands.VmVolumeTO v = new KVMAgentCommands.VmVolumeTO();
            v.uuid = ctx.volumeUuids.get(i);
            v.installPath = ctx.installPaths.get(i);
            v.format = "qcow2";
            v.deviceId = i;
            cmd.volumes.add(v);
        }
        cmd.nics = new ArrayList<>();
        for (int i = 0; i < spec.nics.size(); i++) {
            V2VJobSpec.NicPlan n = spec.nics.get(i);
            KVMAgentCommands.VmNicTO nic = new KVMAgentCommands.VmNicTO();
            nic.mac = n.mac;
            nic.deviceId = i;
            L3NetworkVO l3 = ctx.services.dbf.findByUuid(n.l3NetworkUuid, L3NetworkVO.class);
            L2NetworkVO l2 = ctx.services.dbf.findByUuid(l3.getL2NetworkUuid(), L2NetworkVO.class);
            nic.bridgeName = l2.getPhysicalInterface();
            cmd.nics.add(nic);
        }
        return cmd;
    }

    @Override
    public void rollback(FlowRollback trigger, Map data) {
        if (!defined) {
            trigger.rollback();
            return;
        }
        destroy(trigger::rollback);
    }

    private void destroy(Runnable then) {
        KVMAgentCommands.DestroyVmCmd cmd = new KVMAgentCommands.DestroyVmCmd();
        cmd.vmUuid = ctx.spec.targetVmUuid;
        ctx.services.agent.call(ctx.spec.hostUuid, KVMConstant.VM_DESTROY_PATH, cmd, KVMAgentCommands.AgentResponse.class,
                new ReturnValueCompletion<>() {
                    @Override
                    public void success(KVMAgentCommands.AgentResponse rsp) {
                        then.run();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        org.slf4j.LoggerFactory.getLogger(StartTargetVmFlow.class).warn(
                                "cannot destroy the domain of failed migrated VM {}: {}", cmd.vmUuid, e);
                        then.run();
                    }
                });
    }
}
