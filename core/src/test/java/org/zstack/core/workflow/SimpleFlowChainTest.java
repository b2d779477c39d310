package org.zstack.core.workflow;

import org.junit.jupiter.api.Test;
import org.zstack.core.Platform;
import org.zstack.header.core.workflow.*;
import org.zstack.header.errorcode.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class SimpleFlowChainTest {
    private static Flow step(String name, List<String> log, boolean fail) {
        return new Flow() {
            String __name__ = name;

            @Override
            public void run(FlowTrigger trigger, Map data) {
                log.add("run " + name);
                if (fail) {
                    trigger.fail(Platform.operr("%s failed", name));
                } else {
                    trigger.next();
                }
            }

            @Override
            public void rollback(FlowRollback trigger, Map data) {
                log.add("rollback " + name);
                trigger.rollback();
            }
        };
    }

    @Test
    void aFailureRollsBackTheDoneFlowsInReverseOrderAndNamesTheFailingFlow() {
        List<String> log = new ArrayList<>();
        AtomicReference<ErrorCode> err = new AtomicReference<>();
        boolean[] finallyRan = {false};
        FlowChainBuilder.newSimpleFlowChain()
                .then(step("a", log, false)).then(step("b", log, false)).then(step("c", log, true)).then(step("d", log, false))
                .done(data -> fail("must not succeed"))
                .error((e, data) -> err.set(e))
                .Finally(() -> finallyRan[0] = true)
                .start();
        assertEquals(List.of("run a", "run b", "run c", "rollback b", "rollback a"), log);
        assertEquals("SYS.1006", err.get().getCode());
        assertEquals("c", err.get().getLocation());
        assertTrue(finallyRan[0]);
    }

    @Test
    void aThrowingFlowFailsTheChainAndSkippedFlowsAreNotRolledBack() {
        List<String> log = new ArrayList<>();
        AtomicReference<ErrorCode> err = new AtomicReference<>();
        FlowChainBuilder.newSimpleFlowChain()
                .then(step("a", log, false))
                .then(new NoRollbackFlow() {
                    @Override
                    public boolean skip(Map data) {
                        return true;
                    }

                    @Override
                    public void run(FlowTrigger trigger, Map data) {
                        log.add("skipped flow ran");
                    }
                })
                .then(new NoRollbackFlow() {
                    @Override
                    public void run(FlowTrigger trigger, Map data) {
                        throw new IllegalStateException("boom");
                    }
                })
                .error((e, data) -> err.set(e))
                .start();
        assertEquals(List.of("run a", "rollback a"), log);
        assertEquals("SYS.1000", err.get().getCode());
    }

    @Test
    void dataIsSharedAndDoneRunsOnce() {
        int[] done = {0};
        FlowChainBuilder.newSimpleFlowChain()
                .then(new NoRollbackFlow() {
                    @Override
                    public void run(FlowTrigger trigger, Map data) {
                        data.put("k", 1);
                        trigger.next();
                        trigger.next();
                    }
                })
                .done(data -> {
                    assertEquals(1, data.get("k"));
                    done[0]++;
                })
                .start();
        assertEquals(1, done[0]);
    }
}
