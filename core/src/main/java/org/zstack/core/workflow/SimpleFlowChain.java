package org.zstack.core.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.Platform;
import org.zstack.header.core.workflow.*;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;

import java.lang.reflect.Field;
import java.util.*;

/**
 * The kernel's FlowChain. Each flow gets one trigger; calling it twice is a bug and is ignored with a log line,
 * so a flow that both fails and throws cannot roll the chain back twice.
 */
public class SimpleFlowChain implements FlowChain {
    private static final Logger logger = LoggerFactory.getLogger(SimpleFlowChain.class);

    private String name = "flow-chain";
    private final List<Flow> flows = new ArrayList<>();
    private final Deque<Flow> done = new ArrayDeque<>();
    private Map data = new HashMap();
    private FlowDoneHandler doneHandler;
    private FlowErrorHandler errorHandler;
    private FlowFinallyHandler finallyHandler;
    private ErrorCode failure;
    private int next;

    @Override
    public FlowChain setName(String name) {
        this.name = name;
        return this;
    }

    @Override
    public FlowChain then(Flow flow) {
        flows.add(flow);
        return this;
    }

    @Override
    public FlowChain done(FlowDoneHandler handler) {
        doneHandler = handler;
        return this;
    }

    @Override
    public FlowChain error(FlowErrorHandler handler) {
        errorHandler = handler;
        return this;
    }

    @Override
    public FlowChain Finally(FlowFinallyHandler handler) {
        finallyHandler = handler;
        return this;
    }

    @SafeVarargs
    @Override
    public final FlowChain putData(Map.Entry<String, Object>... entries) {
        for (Map.Entry<String, Object> e : entries) {
            data.put(e.getKey(), e.getValue());
        }
        return this;
    }

    @Override
    public FlowChain setData(Map data) {
        this.data = data;
        return this;
    }

    @Override
    public void start() {
        runNext();
    }

    private void runNext() {
        while (next < flows.size()) {
            Flow flow = flows.get(next++);
            if (flow.skip(data)) {
                continue;
            }
            runFlow(flow);
            return;
        }
        succeed();
    }

    private void runFlow(Flow flow) {
        String flowName = flowName(flow);
        logger.debug("[FlowChain: {}] start flow {}", name, flowName);
        OnceTrigger trigger = new OnceTrigger(flow, flowName);
        try {
            flow.run(trigger, data);
        } catch (OperationFailureException e) {
            trigger.fail(e.getErrorCode());
        } catch (Throwable t) {
            logger.warn(String.format("[FlowChain: %s] unhandled exception in flow %s", name, flowName), t);
            trigger.fail(Platform.inerr("unhandled exception in flow %s: %s", flowName, t.getMessage()));
        }
    }

    private void succeed() {
        try {
            if (doneHandler != null) {
                doneHandler.handle(data);
            }
        } finally {
            runFinally();
        }
    }

    private void rollbackNext() {
        Flow flow = done.poll();
        if (flow == null) {
            try {
                if (errorHandler != null) {
                    errorHandler.handle(failure, data);
                }
            } finally {
                runFinally();
            }
            return;
        }
        String flowName = flowName(flow);
        boolean[] called = {false};
        FlowRollback rb = () -> {
            if (called[0]) {
                logger.warn("[FlowChain: {}] flow {} rolled back twice", name, flowName);
                return;
            }
            called[0] = true;
            rollbackNext();
        };
        try {
            flow.rollback(rb, data);
        } catch (Throwable t) {
            // a failing rollback must not stop the others from undoing their work
            logger.warn(String.format("[FlowChain: %s] rollback of flow %s threw", name, flowName), t);
            rb.rollback();
        }
    }

    private void runFinally() {
        if (finallyHandler != null) {
            finallyHandler.Finally();
        }
    }

    static String flowName(Flow flow) {
        try {
            Field f = flow.getClass().getDeclaredField("__name__");
            f.setAccessible(true);
            Object v = f.get(flow);
            if (v != null) {
                return v.toString();
            }
        } catch (NoSuchFieldException | IllegalAccessException ignored) {
            // not every flow names itself
        }
        String n = flow.getClass().getSimpleName();
        return n.isEmpty() ? flow.getClass().getName() : n;
    }

    private class OnceTrigger implements FlowTrigger {
        private final Flow flow;
        private final String flowName;
        private boolean called;

        OnceTrigger(Flow flow, String flowName) {
            this.flow = flow;
            this.flowName = flowName;
        }

        private boolean once() {
            if (called) {
                logger.warn("[FlowChain: {}] flow {} called its trigger twice", name, flowName);
                return false;
            }
            called = true;
            return true;
        }

        @Override
        public void next() {
            if (once()) {
                done.push(flow);
                runNext();
            }
        }

        @Override
        public void fail(ErrorCode error) {
            if (!once()) {
                return;
            }
            if (error.getLocation() == null) {
                error.setLocation(flowName);
            }
            failure = error;
            logger.debug("[FlowChain: {}] flow {} failed: {}", name, flowName, error);
            rollbackNext();
        }
    }
}
