package org.zstack.core.workflow;

import org.zstack.header.core.workflow.FlowChain;

public final class FlowChainBuilder {
    private FlowChainBuilder() {
    }

    public static FlowChain newSimpleFlowChain() {
        return new SimpleFlowChain();
    }
}
