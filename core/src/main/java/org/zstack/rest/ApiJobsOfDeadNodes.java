package org.zstack.rest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.header.errorcode.SysErrors;
import org.zstack.header.managementnode.ManagementNodeTakeoverExtensionPoint;

import java.sql.Timestamp;
import java.util.Set;

import static org.zstack.core.Platform.err;

/**
 * The API jobs a gone node was running can never be answered (the reply would have come to that node's bus): they end
 * with SYS.1020, so that every poll of /api-jobs/{uuid} ends instead of answering 202 until the job expires.
 */
public class ApiJobsOfDeadNodes implements ManagementNodeTakeoverExtensionPoint {
    private static final Logger logger = LoggerFactory.getLogger(ApiJobsOfDeadNodes.class);

    @Autowired
    private DatabaseFacade dbf;

    @Override
    public void takeOverFromDeadNodes(Set<String> alive) {
        String body = RestServer.errorBody(err(SysErrors.MANAGEMENT_NODE_STOPPED,
                "the management node that ran it stopped before the API finished; query the resource to see what was done"));
        // one UPDATE: whichever live node runs it first ends the jobs, the others find none left
        int ended = dbf.transaction(em -> em.createQuery("update ApiJobVO j set j.state = :done, j.success = false,"
                        + " j.result = :body, j.lastOpDate = :now where j.state = :processing"
                        + " and (j.managementNodeUuid is null or j.managementNodeUuid not in :alive)")
                .setParameter("done", ApiJobVO.State.Done)
                .setParameter("processing", ApiJobVO.State.Processing)
                .setParameter("body", body)
                .setParameter("now", new Timestamp(System.currentTimeMillis()))
                .setParameter("alive", alive)
                .executeUpdate());
        if (ended > 0) {
            logger.info("{} API jobs of gone management nodes ended with {}", ended, SysErrors.MANAGEMENT_NODE_STOPPED);
        }
    }
}
