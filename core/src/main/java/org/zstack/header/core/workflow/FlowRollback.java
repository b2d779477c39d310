package org.zstack.header.core.workflow;

public interface FlowRollback {
    void rollback();
}
