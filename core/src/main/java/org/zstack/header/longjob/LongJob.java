package org.zstack.header.longjob;

import org.zstack.header.core.NoErrorCompletion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.message.APIEvent;

/**
 * A job that outlives its API call. A fresh instance runs each time (a prototype bean). A behaviour left to its
 * default here is unsupported: cancelling or resuming such a job is refused with LONG_JOB.1003.
 */
public interface LongJob {
    void start(LongJobVO job, ReturnValueCompletion<APIEvent> completion);

    /** Asks the running start() to stop; start() then fails with LONG_JOB.1000. Succeeds with true once asked. */
    default void cancel(LongJobVO job, ReturnValueCompletion<Boolean> completion) {
        throw new UnsupportedOperationException();
    }

    /** Continues a job that was interrupted (its node died, or it was suspended). */
    default void resume(LongJobVO job, ReturnValueCompletion<APIEvent> completion) {
        throw new UnsupportedOperationException();
    }

    /** Removes what a failed or canceled run left behind. */
    default void clean(LongJobVO job, NoErrorCompletion completion) {
        completion.done();
    }
}
