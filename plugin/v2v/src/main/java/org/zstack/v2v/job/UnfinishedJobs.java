package org.zstack.v2v.job;

import org.zstack.core.db.Q;
import org.zstack.header.longjob.LongJobVO;
import org.zstack.header.longjob.LongJobVO_;

import java.util.Collection;
import java.util.List;

/** Which migration jobs have not ended: their long jobs are in no final state (Waiting, Running, Suspended, Canceling). */
public final class UnfinishedJobs {
    private UnfinishedJobs() {
    }

    public static List<String> among(Collection<String> jobUuids) {
        if (jobUuids.isEmpty()) {
            return List.of();
        }
        return Q.New(LongJobVO.class).in(LongJobVO_.uuid, jobUuids).list().stream()
                .filter(j -> !j.getState().isFinal()).map(LongJobVO::getUuid).toList();
    }
}
