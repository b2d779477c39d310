package org.zstack.v2v.agent.job;

import org.zstack.agent.AgentException;

/** A job's command stopped because the job was canceled; its message is what the node matches ("canceled"). */
public class JobCanceledException extends AgentException {
    public JobCanceledException(String jobUuid) {
        super("job " + jobUuid + " canceled");
    }
}
