package org.zstack.header.core.workflow;

import java.util.Map;

public abstract class NoRollbackFlow implements Flow {
    @Override
    public void rollback(FlowRollback trigger, Map data) {
        trigger.rollback();
    }
}
