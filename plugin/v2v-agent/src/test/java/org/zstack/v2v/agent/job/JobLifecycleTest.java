package org.zstack.v2v.agent.job;

import org.zstack.v2v.agent.testsupport.RecordingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Cancel and cleanup of a job: its processes (with their children) die, its directory goes, nothing else. */
class JobLifecycleTest {
    @TempDir
    Path storage;
    final JobRegistry jobs = new JobRegistry();

    @Test
    void cancelKillsTheJobsProcessTreeAndFailsItsCommand() throws Exception {
        JobRegistry.Job job = jobs.job("job-p");
        Path pidFile = storage.resolve("child.pid");
        CompletableFuture<JobProcess.Result> run = CompletableFuture.supplyAsync(() -> {
            try (JobRegistry.Job.Running ignored = job.begin()) {
                // a shell with a child of its own, as virt-v2v has qemu and nbdkit
                return JobProcess.run(job, List.of("sh", "-c", "sleep 60 & echo $! > " + pidFile + "; wait"),
                        Duration.ofMinutes(1), null);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        for (int i = 0; i < 50 && !Files.exists(pidFile); i++) {
            Thread.sleep(100);
        }
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(ProcessHandle.of(child).isPresent());

        assertTrue(jobs.cancel("job-p"));
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(3, TimeUnit.SECONDS));
        assertInstanceOf(JobCanceledException.class, e.getCause().getCause());
        for (int i = 0; i < 20 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the grandchild is gone too");
    }

    @Test
    void aTimedOutProcessIsKilledAndSaysSo() {
        JobRegistry.Job job = jobs.job("job-t");
        AgentException e = assertThrows(AgentException.class,
                () -> JobProcess.run(job, List.of("sleep", "30"), Duration.ofMillis(700), null));
        assertEquals("sleep timed out after 0 s", e.getMessage());
    }

    @Test
    void aRerunAfterACancelStartsUncanceled() {
        JobRegistry.Job job = jobs.job("job-r");
        try (JobRegistry.Job.Running ignored = job.begin()) {
            assertTrue(jobs.cancel("job-r"), "a running command counts as running");
            assertThrows(JobCanceledException.class, job::checkCanceled);
        }
        try (JobRegistry.Job.Running ignored = job.begin()) {
            job.checkCanceled();
        }
        assertFalse(jobs.cancel("job-unknown"));
    }

    @Test
    void cleanupRemovesTheJobDirectoryAndOnlyThat() throws Exception {
        Path dir = Files.createDirectories(storage.resolve("job-c/out"));
        Files.write(dir.resolve("disk-0.qcow2"), new byte[5000]);
        Files.write(storage.resolve("job-c/disk-0.raw"), new byte[1000]);
        Path other = Files.createDirectories(storage.resolve("job-other"));
        Path outside = Files.write(storage.resolve("precious"), new byte[1]);
        Files.createSymbolicLink(storage.resolve("job-c/link"), outside);

        CleanupJobCommand cleanup = new CleanupJobCommand(jobs);
        CleanupJobCommand.CleanupCmd c = new CleanupJobCommand.CleanupCmd();
        c.jobUuid = "job-c";
        c.storagePath = storage.toString();
        CleanupJobCommand.CleanupRsp rsp = (CleanupJobCommand.CleanupRsp) cleanup.handle(c, new RecordingContext());

        assertEquals(6000, rsp.freedBytes);
        assertFalse(rsp.canceled);
        assertFalse(Files.exists(storage.resolve("job-c")));
        assertTrue(Files.exists(other));
        assertTrue(Files.exists(outside));
        // again: nothing left, still fine
        assertEquals(0, ((CleanupJobCommand.CleanupRsp) cleanup.handle(c, new RecordingContext())).freedBytes);

        c.jobUuid = "..";
        assertThrows(AgentException.class, () -> cleanup.handle(c, new RecordingContext()));
        c.jobUuid = "a/b";
        assertThrows(AgentException.class, () -> cleanup.handle(c, new RecordingContext()));
    }
}
