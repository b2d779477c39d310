package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;

/**
 * {@code POST /v2v/job/cancel}: stops the job's streams and processes at once and answers without waiting; the
 * job's running command then fails with "canceled".
 */
public class CancelJobCommand implements CommandHandler<CancelJobCommand.CancelCmd> {
    public static class CancelCmd {
        public String jobUuid;
    }

    public static class CancelRsp extends AgentResponse {
        /** false: nothing of the job was running. */
        public boolean canceled;
    }

    private final JobRegistry jobs;

    public CancelJobCommand(JobRegistry jobs) {
        this.jobs = jobs;
    }

    @Override
    public AgentResponse handle(CancelCmd cmd, AgentContext ctx) {
        if (cmd.jobUuid == null || cmd.jobUuid.isBlank()) {
            throw new AgentException("jobUuid is required");
        }
        CancelRsp rsp = new CancelRsp();
        rsp.canceled = jobs.cancel(cmd.jobUuid);
        return rsp;
    }
}
