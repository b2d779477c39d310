package org.zstack.header.core.workflow;

public interface FlowFinallyHandler {
    void Finally();
}
