package org.zstack.v2v.flow;

import org.zstack.v2v.source.PrepareSpec;
import org.zstack.v2v.source.PreparedSource;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.core.workflow.Flow;
import org.zstack.header.core.workflow.FlowRollback;
import org.zstack.header.core.workflow.FlowTrigger;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.V2VGlobalConfig;
import org.zstack.v2v.job.MigrationContext;

import java.util.Map;

import static org.zstack.core.Platform.err;

/**
 * Source: power state as asked (a running VM is shut down gracefully for an offline migration), then the disks made
 * readable (export lease or snapshot). Rollback releases them and powers the VM on again if this flow shut it down.
 */
public class PrepareSourceFlow implements Flow {
    public static final String PHASE = "prepare";
    private final MigrationContext ctx;

    public PrepareSourceFlow(MigrationContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run(FlowTrigger trigger, Map data) {
        ctx.beginPhase(PHASE, 1);
        PrepareSpec spec = new PrepareSpec();
        spec.jobUuid = ctx.jobUuid();
        spec.powerOff = ctx.spec.pauseVm;
        spec.shutdownTimeoutSeconds = V2VGlobalConfig.SHUTDOWN_TIMEOUT.value(Long.class);
        spec.shutdownAfterSuccess = "Shutdown".equals(ctx.spec.sourceVmAfterMigration);
        ctx.source.prepare(ctx.spec.sourceVm, spec, ctx.access(), new ReturnValueCompletion<>() {
            @Override
            public void success(PreparedSource prepared) {
                ctx.prepared = prepared;
                ctx.services.updateJob(ctx.jobUuid(), j -> {
                    j.setReadPath(prepared.readPath);
                    j.setReadPathReason(prepared.readPathReason);
                });
                ctx.endPhase(PHASE);
                trigger.next();
            }

            @Override
            public void fail(ErrorCode e) {
                trigger.fail(err(V2VErrors.SOURCE_FAILED, e, "cannot read source VM %s", ctx.vmName()));
            }
        });
    }

    @Override
    public void rollback(FlowRollback trigger, Map data) {
        if (ctx.prepared == null) {
            trigger.rollback();
            return;
        }
        PreparedSource p = ctx.prepared;
        ctx.prepared = null;
        ctx.source.release(p, false, ctx.access(), new org.zstack.header.core.Completion() {
            @Override
            public void success() {
                trigger.rollback();
            }

            @Override
            public void fail(ErrorCode errorCode) {
                trigger.rollback();
            }
        });
    }
}
