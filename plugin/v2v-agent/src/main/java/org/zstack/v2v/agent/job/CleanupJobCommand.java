package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * {@code POST /v2v/job/cleanup}: cancels what still runs of the job, keeps its logs under
 * {@code <storagePath>/logs/<jobUuid>/}, removes {@code <storagePath>/<jobUuid>/}
 * and forgets the job. Safe to repeat; the node calls it after a failure, a cancel or a finished delivery.
 */
public class CleanupJobCommand implements CommandHandler<CleanupJobCommand.CleanupCmd> {
    private static final Logger logger = Logger.getLogger(CleanupJobCommand.class.getName());
    /** A canceled command stops within a second; waiting for it keeps a late write from re-creating a file. */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    public static class CleanupCmd {
        public String jobUuid;
        public String storagePath;
    }

    public static class CleanupRsp extends AgentResponse {
        public boolean canceled;
        public long freedBytes;
    }

    private final JobRegistry jobs;

    public CleanupJobCommand(JobRegistry jobs) {
        this.jobs = jobs;
    }

    @Override
    public AgentResponse handle(CleanupCmd cmd, AgentContext ctx) throws Exception {
        JobDirectory dir = JobDirectory.of(ctx.allowedRoots(), cmd.storagePath, cmd.jobUuid);
        CleanupRsp rsp = new CleanupRsp();
        rsp.canceled = jobs.cancel(cmd.jobUuid);
        if (!jobs.job(cmd.jobUuid).awaitIdle(STOP_WAIT)) {
            logger.warning(String.format("job %s still has a command running %d s after cancel; removing its files anyway",
                    cmd.jobUuid, STOP_WAIT.toSeconds()));
        }
        // the copy stops what it started on a source host; anything it could not is tried once more here
        jobs.job(cmd.jobUuid).stopRemote();
        dir.keepLogs();
        rsp.freedBytes = dir.delete();
        jobs.forget(cmd.jobUuid);
        return rsp;
    }
}
