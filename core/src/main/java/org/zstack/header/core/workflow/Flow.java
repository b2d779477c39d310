package org.zstack.header.core.workflow;

import java.util.Map;

/** One step of a FlowChain. run() ends with trigger.next() or trigger.fail(); rollback() with trigger.rollback(). */
public interface Flow {
    void run(FlowTrigger trigger, Map data);

    void rollback(FlowRollback trigger, Map data);

    /** A flow that returns true is passed over, and not rolled back. */
    default boolean skip(Map data) {
        return false;
    }
}
