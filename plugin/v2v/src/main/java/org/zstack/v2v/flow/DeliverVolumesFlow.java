package org.zstack.v2v.flow;

import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.core.workflow.Flow;
import org.zstack.header.core.workflow.FlowRollback;
import org.zstack.header.core.workflow.FlowTrigger;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.volume.VolumeStatus;
import org.zstack.header.volume.VolumeVO;
import org.zstack.kvm.KVMHostSecrets;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.V2VGlobalConfig;
import org.zstack.v2v.V2VSystemTags;
import org.zstack.v2v.job.MigrationContext;

import java.util.ArrayList;
import java.util.Map;

import static org.zstack.core.Platform.err;
import static org.zstack.core.Platform.operr;

/**
 * Target, part two: the converted disks become qcow2 volumes (compressed when asked) and are written at their install
 * paths: moved in place when the conversion host holds the storage, else uploaded to the target host's agent within
 * the conversion host's upload limit. Rollback deletes the volume files wherever they landed.
 */
public class DeliverVolumesFlow implements Flow {
    public static final String PHASE = "deliver";
    public static final int PROGRESS_BASE = 80;
    public static final int PROGRESS_SPAN = 15;
    private final MigrationContext ctx;

    public DeliverVolumesFlow(MigrationContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run(FlowTrigger trigger, Map data) {
        ctx.beginPhase(PHASE, PROGRESS_BASE);
        V2VAgentCommands.DeliverCmd cmd = new V2VAgentCommands.DeliverCmd();
        cmd.jobUuid = ctx.jobUuid();
        cmd.apiId = ctx.apiId;
        cmd.storagePath = ctx.storagePath();
        cmd.progressBase = PROGRESS_BASE;
        cmd.progressSpan = PROGRESS_SPAN;
        cmd.compress = ctx.spec.compress;
        cmd.uploadBandwidth = V2VSystemTags.uploadBandwidth(ctx.conversionHost.getUuid());
        cmd.targetAgentUrl = ctx.targetAgentUrl();
        if (cmd.targetAgentUrl != null) {
            // the conversion host signs its uploads with a key good for that one path of the target's agent, for
            // as long as the step may take
            KVMHostSecrets.ScopedKey key = ctx.services.hostSecrets.scopedKey(ctx.targetHost.getUuid(), "PUT",
                    V2VAgentCommands.VOLUME_UPLOAD_PATH, V2VGlobalConfig.JOB_STEP_TIMEOUT.value(Long.class) + 600);
            if (key == null) {
                trigger.fail(operr("the target host[uuid:%s] has no agent secret; reconnect it", ctx.targetHost.getUuid()));
                return;
            }
            cmd.targetAgentKey = key.key();
            cmd.targetAgentKeyScope = key.scope();
        }
        cmd.volumes = new ArrayList<>();
        for (int i = 0; i < ctx.installPaths.size(); i++) {
            V2VAgentCommands.DeliverVolume v = new V2VAgentCommands.DeliverVolume();
            int index = i;
            v.disk = ctx.transferred.disks.stream().filter(d -> d.index == index).findFirst().orElseThrow().path;
            v.installPath = ctx.installPaths.get(i);
            cmd.volumes.add(v);
        }
        ctx.services.callStep(ctx.conversionHost.getHostUuid(), V2VAgentCommands.DELIVER_PATH, cmd,
                V2VAgentCommands.DeliverRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(V2VAgentCommands.DeliverRsp rsp) {
                        ctx.delivered = rsp;
                        for (int i = 0; i < ctx.volumeUuids.size() && rsp.volumes != null && i < rsp.volumes.size(); i++) {
                            V2VAgentCommands.DeliveredVolume d = rsp.volumes.get(i);
                            ctx.services.dbf.updateById(VolumeVO.class, ctx.volumeUuids.get(i), v -> {
                                v.setActualSize(d.actualSize);
                                v.setSize(d.size);
                                v.setStatus(VolumeStatus.Ready);
                            });
                        }
                        ctx.endPhase(PHASE);
                        trigger.next();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        // a flow that fails is not rolled back: a volume half uploaded is removed here
                        deleteFiles(() -> trigger.fail(err(V2VErrors.TARGET_FAILED, e,
                                "writing the volumes of VM %s to primary storage %s failed", ctx.spec.name,
                                ctx.primaryStorage.getName())));
                    }
                });
    }

    @Override
    public void rollback(FlowRollback trigger, Map data) {
        deleteFiles(trigger::rollback);
    }

    private void deleteFiles(Runnable then) {
        V2VAgentCommands.VolumeDeleteCmd cmd = new V2VAgentCommands.VolumeDeleteCmd();
        cmd.paths = ctx.installPaths;
        // the files are on the target host, or on the conversion host when it wrote them in place
        String host = ctx.targetAgentUrl() == null ? ctx.conversionHost.getHostUuid() : ctx.targetHost.getUuid();
        ctx.services.agent.call(host, V2VAgentCommands.VOLUME_DELETE_PATH, cmd, V2VAgentCommands.VolumeDeleteRsp.class,
                new ReturnValueCompletion<>() {
                    @Override
                    public void success(V2VAgentCommands.VolumeDeleteRsp rsp) {
                        org.slf4j.LoggerFactory.getLogger(DeliverVolumesFlow.class).info(
                                "rolled back the volume files of job {}: removed {} of {}", ctx.jobUuid(), rsp.deleted, cmd.paths);
                        then.run();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        org.slf4j.LoggerFactory.getLogger(DeliverVolumesFlow.class).warn(
                                "cannot delete the volume files {} of a failed migration: {}", cmd.paths, e);
                        then.run();
                    }
                });
    }
}
