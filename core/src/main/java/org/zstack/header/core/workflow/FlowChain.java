package org.zstack.header.core.workflow;

import java.util.Map;

/** Runs flows in order; when one fails, the flows already done roll back in reverse order. */
public interface FlowChain {
    FlowChain setName(String name);

    FlowChain then(Flow flow);

    FlowChain done(FlowDoneHandler handler);

    FlowChain error(FlowErrorHandler handler);

    FlowChain Finally(FlowFinallyHandler handler);

    FlowChain putData(Map.Entry<String, Object>... entries);

    FlowChain setData(Map data);

    void start();
}
