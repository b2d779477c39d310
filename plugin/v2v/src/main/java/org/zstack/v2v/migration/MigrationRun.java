package org.zstack.v2v.migration;

import org.zstack.v2v.job.MigrationContext;
import org.zstack.v2v.job.MigrationServices;
import org.zstack.v2v.job.V2VJobSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.workflow.FlowChainBuilder;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.host.HostVO;
import org.zstack.header.longjob.LongJobErrors;
import org.zstack.header.storage.primary.PrimaryStorageVO;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.flow.ConvertGuestFlow;
import org.zstack.v2v.flow.PrepareSourceFlow;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.v2v.flow.CreateTargetVmRecordsFlow;
import org.zstack.v2v.flow.DeliverVolumesFlow;
import org.zstack.v2v.flow.StartTargetVmFlow;
import org.zstack.v2v.flow.TransferDisksFlow;

import java.sql.Timestamp;

import static org.zstack.core.Platform.err;

/**
 * One run of a migration job: source → transfer → target records → convert → deliver → start, as flows that roll
 * back in reverse order. Whatever the end, the job's directory on the conversion host goes (its logs are kept) and
 * the source is released: on success its lease completes; otherwise a VM this run shut down is powered on again.
 */
public class MigrationRun {
    private static final Logger logger = LoggerFactory.getLogger(MigrationRun.class);

    private final MigrationContext ctx;

    public MigrationRun(MigrationContext ctx) {
        this.ctx = ctx;
    }

    public MigrationContext context() {
        return ctx;
    }

    public void run(Completion completion) {
        MigrationServices s = ctx.services;
        V2VJobSpec spec = ctx.spec;
        s.updateJob(spec.jobUuid, j -> {
            j.setStartDate(new Timestamp(System.currentTimeMillis()));
            j.setEndDate(null);
            j.setPhase(PrepareSourceFlow.PHASE);
            j.setWaitingFor(null);
        });
        if (ctx.canceled) {
            finish(err(LongJobErrors.CANCELED, "the migration of VM %s was canceled before it started", ctx.vmName()), completion);
            return;
        }
        ctx.source = s.sources.get(spec.scheme);
        ctx.conversionHost = s.dbf.findByUuid(spec.conversionHostUuid, V2VConversionHostVO.class);
        ctx.primaryStorage = s.dbf.findByUuid(spec.primaryStorageUuid, PrimaryStorageVO.class);
        ctx.targetHost = s.dbf.findByUuid(spec.hostUuid, HostVO.class);
        if (ctx.conversionHost == null || ctx.primaryStorage == null || ctx.targetHost == null) {
            finish(err(V2VErrors.INVALID_MIGRATION, "the conversion host, primary storage or target host of the migration of"
                    + " VM %s was deleted", ctx.vmName()), completion);
            return;
        }
        ctx.conversionHostHost = s.dbf.findByUuid(ctx.conversionHost.getHostUuid(), HostVO.class);
        ctx.disks.addAll(spec.migratedDisks());
        if (ctx.resumed) {
            new ResumedRunCheck(ctx).run(new Completion() {
                @Override
                public void success() {
                    runFlows(completion);
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    runFlows(completion);
                }
            });
        } else {
            runFlows(completion);
        }
    }

    private void runFlows(Completion completion) {
        V2VJobSpec spec = ctx.spec;
        FlowChainBuilder.newSimpleFlowChain()
                .setName("migrate-vm-" + spec.sourceVm.uuid + "-job-" + spec.jobUuid)
                .then(new PrepareSourceFlow(ctx))
                .then(new TransferDisksFlow(ctx))
                .then(new CreateTargetVmRecordsFlow(ctx))
                .then(new ConvertGuestFlow(ctx))
                .then(new DeliverVolumesFlow(ctx))
                .then(new StartTargetVmFlow(ctx))
                .done(data -> finish(null, completion))
                .error((e, data) -> finish(ctx.canceled ? err(LongJobErrors.CANCELED, e, "the migration of VM %s was canceled",
                        ctx.vmName()) : e, completion))
                .start();
    }

    /** Asks the conversion host to stop this job's work now; the running step then fails and the flows roll back. */
    public void cancel() {
        ctx.canceled = true;
        if (ctx.conversionHost == null) {
            return;
        }
        V2VAgentCommands.CancelCmd cmd = new V2VAgentCommands.CancelCmd();
        cmd.jobUuid = ctx.jobUuid();
        ctx.services.agent.call(ctx.conversionHost.getHostUuid(), V2VAgentCommands.CANCEL_PATH, cmd,
                V2VAgentCommands.CancelRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(V2VAgentCommands.CancelRsp rsp) {
                        logger.info("job {} canceled on its conversion host (something was running: {})", cmd.jobUuid, rsp.canceled);
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        logger.warn("cannot cancel job {} on its conversion host: {}", cmd.jobUuid, e);
                    }
                });
    }

    private void finish(ErrorCode error, Completion completion) {
        cleanupConversionHost(() -> releaseSource(error == null, () -> {
            String phase = error == null ? "done" : ctx.canceled ? "canceled" : "failed";
            ctx.endOpenPhases();
            ctx.services.updateJob(ctx.jobUuid(), j -> {
                j.setEndDate(new Timestamp(System.currentTimeMillis()));
                j.setPhase(phase);
                j.setReservedCacheSize(0);
                j.setPhaseTimes(JSONObjectUtil.toJsonString(ctx.phaseTimes));
            });
            logger.info("migration job {} of VM {} {}; phases {}", ctx.jobUuid(), ctx.vmName(), phase, ctx.phaseTimes);
            if (error == null) {
                completion.success();
            } else {
                completion.fail(error);
            }
        }));
    }

    private void cleanupConversionHost(Runnable then) {
        if (ctx.conversionHost == null) {
            then.run();
            return;
        }
        V2VAgentCommands.CleanupCmd cmd = new V2VAgentCommands.CleanupCmd();
        cmd.jobUuid = ctx.jobUuid();
        cmd.storagePath = ctx.storagePath();
        ctx.services.agent.call(ctx.conversionHost.getHostUuid(), V2VAgentCommands.CLEANUP_PATH, cmd,
                V2VAgentCommands.CleanupRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(V2VAgentCommands.CleanupRsp rsp) {
                        logger.info("job {} cleaned up on its conversion host: {} bytes freed{}", cmd.jobUuid, rsp.freedBytes,
                                rsp.canceled ? ", work still running was stopped" : "");
                        then.run();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        // the cache cleaner (CleanV2VConversionCache) removes what is left of a job no longer running
                        logger.warn("cannot clean up job {} on its conversion host: {}", cmd.jobUuid, e);
                        then.run();
                    }
                });
    }

    private void releaseSource(boolean succeeded, Runnable then) {
        PreparedSource p = ctx.prepared;
        if (p == null) {
            then.run();
            return;
        }
        ctx.prepared = null;
        ctx.source.release(p, succeeded, ctx.access(), new Completion() {
            @Override
            public void success() {
                then.run();
            }

            @Override
            public void fail(ErrorCode e) {
                then.run();
            }
        });
    }
}
