package org.zstack.v2v.migration;

import org.zstack.v2v.job.MigrationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;
import org.zstack.v2v.V2VAgentCommands;

import java.util.concurrent.TimeUnit;

/**
 * Before a resumed run (its node died, this one took the job over) sends anything: it waits for the conversion host
 * to be Connected again (a host the dead node was connecting is reconnected by the takeover, which takes a moment,
 * and a run started meanwhile would fail at once), then asks the agent what it holds of the job. Its commands still
 * running are attached to when the flows send them again, and its finished work is answered from, so nothing is
 * copied twice; the answer is logged so that an operator sees what the takeover reused.
 */
final class ResumedRunCheck {
    private static final Logger logger = LoggerFactory.getLogger(ResumedRunCheck.class);
    /** Long enough for a reconnect (connect + extensions), short enough not to hold a slot for a host that is gone. */
    static final long CONNECTED_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(120);
    private static final long POLL_MILLIS = 500;

    private final MigrationContext ctx;

    ResumedRunCheck(MigrationContext ctx) {
        this.ctx = ctx;
    }

    /** Always goes on (a failure here is the next step's to report); completion never fails. */
    void run(Completion completion) {
        awaitConnected(System.currentTimeMillis() + CONNECTED_WAIT_MILLIS, () -> askAgent(completion));
    }

    private void awaitConnected(long deadline, Runnable then) {
        HostVO h = ctx.services.dbf.findByUuid(ctx.conversionHost.getHostUuid(), HostVO.class);
        if (h == null || h.getStatus() == HostStatus.Connected || System.currentTimeMillis() > deadline) {
            then.run();
            return;
        }
        logger.info("migration job {} resumes once its conversion host {} is Connected (now {})", ctx.jobUuid(), h.getUuid(), h.getStatus());
        ctx.services.thdf.submitTimeoutTask(() -> awaitConnected(deadline, then), POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void askAgent(Completion completion) {
        V2VAgentCommands.JobStateCmd cmd = new V2VAgentCommands.JobStateCmd();
        cmd.jobUuid = ctx.jobUuid();
        cmd.storagePath = ctx.storagePath();
        ctx.services.agent.call(ctx.conversionHost.getHostUuid(), V2VAgentCommands.JOB_STATE_PATH, cmd,
                V2VAgentCommands.JobStateRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(V2VAgentCommands.JobStateRsp rsp) {
                        ctx.agentState = rsp;
                        logger.info("migration job {} resumed: its conversion host runs {}, has disks {} transferred, converted: {}",
                                ctx.jobUuid(), rsp.running, rsp.transferredDisks, rsp.converted);
                        completion.success();
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        logger.warn("migration job {} resumed without knowing what its conversion host holds: {}", ctx.jobUuid(), e);
                        completion.success();
                    }
                });
    }
}
