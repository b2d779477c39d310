package org.zstack.v2v.agent.job;

import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandHandler;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class OneRunPerJobTest {
    static final String PATH = "/v2v/job/transfer";

    record Cmd(String jobUuid) {
    }

    @Test
    void aCommandSentAgainWhileItRunsAttachesToTheRunAndGetsItsAnswer() throws Exception {
        OneRunPerJob runs = new OneRunPerJob();
        AtomicInteger started = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AgentResponse answer = new AgentResponse();
        CommandHandler<Cmd> h = runs.wrap(PATH, Cmd::jobUuid, (cmd, ctx) -> {
            started.incrementAndGet();
            running.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            return answer;
        });
        CompletableFuture<AgentResponse> first = CompletableFuture.supplyAsync(() -> call(h, "job-1"));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertEquals(Set.of(PATH), runs.running("job-1"));
        assertEquals(Set.of(), runs.running("job-2"));
        CompletableFuture<AgentResponse> second = CompletableFuture.supplyAsync(() -> call(h, "job-1"));
        Thread.sleep(200);
        assertFalse(second.isDone(), "the second command must wait for the run under way");
        release.countDown();
        assertSame(answer, first.get(10, TimeUnit.SECONDS));
        assertSame(answer, second.get(10, TimeUnit.SECONDS));
        assertEquals(1, started.get(), "one run, not two");
        assertEquals(Set.of(), runs.running("job-1"));

        // once the run has ended, the command runs again (a rerun answers from its done markers)
        call(h, "job-1");
        assertEquals(2, started.get());
    }

    @Test
    void theRunsFailureIsTheAttachedCommandsFailureToo() throws Exception {
        OneRunPerJob runs = new OneRunPerJob();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CommandHandler<Cmd> h = runs.wrap(PATH, Cmd::jobUuid, (cmd, ctx) -> {
            running.countDown();
            release.await(10, TimeUnit.SECONDS);
            throw new AgentException("disk 0: the source went away");
        });
        CompletableFuture<Exception> first = CompletableFuture.supplyAsync(() -> failure(h));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        CompletableFuture<Exception> second = CompletableFuture.supplyAsync(() -> failure(h));
        Thread.sleep(200);
        release.countDown();
        assertEquals("disk 0: the source went away", first.get(10, TimeUnit.SECONDS).getMessage());
        assertEquals("disk 0: the source went away", second.get(10, TimeUnit.SECONDS).getMessage());
    }

    private static AgentResponse call(CommandHandler<Cmd> h, String job) {
        try {
            return h.handle(new Cmd(job), null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Exception failure(CommandHandler<Cmd> h) {
        try {
            h.handle(new Cmd("job-1"), null);
            return null;
        } catch (Exception e) {
            return e;
        }
    }
}
