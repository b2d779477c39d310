package org.zstack.header.longjob;

import java.util.EnumMap;
import java.util.Map;

/**
 * The states of a long job and the transitions between them, as in ZStack. Succeeded, Failed and Canceled are
 * final: no event leaves them (only a rerun, which starts a new run, resets a job to Waiting).
 */
public enum LongJobState {
    Waiting, Suspended, Running, Succeeded, Canceling, Canceled, Failed;

    private final Map<LongJobStateEvent, LongJobState> transitions = new EnumMap<>(LongJobStateEvent.class);

    static {
        Waiting.on(LongJobStateEvent.start, Running)
                .on(LongJobStateEvent.fail, Failed)
                // nothing runs yet: there is nobody to wait for
                .on(LongJobStateEvent.canceling, Canceled)
                .on(LongJobStateEvent.canceled, Canceled);
        Suspended.on(LongJobStateEvent.resume, Running)
                .on(LongJobStateEvent.fail, Failed)
                .on(LongJobStateEvent.suspend, Suspended)
                .on(LongJobStateEvent.canceling, Canceling)
                .on(LongJobStateEvent.canceled, Canceled);
        Running.on(LongJobStateEvent.succeed, Succeeded)
                .on(LongJobStateEvent.fail, Failed)
                // a node taking over a job that was running elsewhere
                .on(LongJobStateEvent.resume, Running)
                .on(LongJobStateEvent.suspend, Suspended)
                .on(LongJobStateEvent.canceling, Canceling)
                .on(LongJobStateEvent.canceled, Canceled);
        Canceling.on(LongJobStateEvent.canceling, Canceling)
                .on(LongJobStateEvent.canceled, Canceled)
                // a run that stops while being canceled was canceled, whatever its error says. (ZStack keeps a
                // suspended run Canceling until a takeover; here nothing would ever move it on.)
                .on(LongJobStateEvent.suspend, Canceled)
                .on(LongJobStateEvent.fail, Canceled)
                // the run finished before the cancel reached it: the work is done
                .on(LongJobStateEvent.succeed, Succeeded);
    }

    private LongJobState on(LongJobStateEvent event, LongJobState next) {
        transitions.put(event, next);
        return this;
    }

    public boolean isFinal() {
        return this == Succeeded || this == Canceled || this == Failed;
    }

    /** Where the event leads from this state, or null when it does not apply (always, from a final state). */
    public LongJobState nextState(LongJobStateEvent event) {
        return transitions.get(event);
    }
}
