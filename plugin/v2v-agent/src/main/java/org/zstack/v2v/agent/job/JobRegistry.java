package org.zstack.v2v.agent.job;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What each migration job has running on this agent: its child processes and open streams. Cancel reaches exactly
 * these (never a process found by name, as a pattern match could kill another job's work), and fails the job's
 * running command with {@link JobCanceledException}. One registry per agent instance.
 */
public final class JobRegistry {
    private static final Logger logger = Logger.getLogger(JobRegistry.class.getName());

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** The job's live state; created on first use. */
    public Job job(String jobUuid) {
        return jobs.computeIfAbsent(jobUuid, Job::new);
    }

    /**
     * Marks the job canceled and stops everything it has running.
     *
     * @return whether anything was running
     */
    public boolean cancel(String jobUuid) {
        Job j = jobs.get(jobUuid);
        if (j == null) {
            return false;
        }
        return j.cancel();
    }

    /** The agent is stopping: nothing of any job may outlive it. */
    public void cancelAll() {
        jobs.values().forEach(Job::cancel);
    }

    /** Forgets a job after cleanup; a later command for it starts afresh. */
    public void forget(String jobUuid) {
        jobs.remove(jobUuid);
    }

    public static final class Job {
        private final String uuid;
        private final Set<Process> processes = ConcurrentHashMap.newKeySet();
        private final Set<Closeable> streams = ConcurrentHashMap.newKeySet();
        /** Processes of the job on other hosts (a KVM source's qemu-nbd), until verified stopped. */
        private final Set<RemoteProcess> remote = ConcurrentHashMap.newKeySet();
        /** Commands of the job now running; guarded by this. */
        private int running;
        private volatile boolean canceled;

        Job(String uuid) {
            this.uuid = uuid;
        }

        public String uuid() {
            return uuid;
        }

        public boolean isCanceled() {
            return canceled;
        }

        /** Throws when the job was canceled: called between steps and in copy loops. */
        public void checkCanceled() {
            if (canceled) {
                throw new JobCanceledException(uuid);
            }
        }

        /** A new command for the job after a cancel (a rerun) clears the mark. */
        public void resetCanceled() {
            canceled = false;
        }

        /**
         * Marks one command of the job as running until the handle is closed, so that cancel reports it even
         * between two streams or processes, and cleanup can wait for it. A command starting after a cancel is a
         * rerun: it starts uncanceled.
         */
        public synchronized Running begin() {
            if (running == 0) {
                canceled = false;
            }
            running++;
            return this::end;
        }

        private synchronized void end() {
            running--;
            notifyAll();
        }

        /** Waits until no command of the job runs any more; false when it still does after the timeout. */
        public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }

        public void track(Process p) {
            processes.add(p);
            if (canceled) {
                kill(p);
            }
        }

        public void untrack(Process p) {
            processes.remove(p);
        }

        public void track(Closeable c) {
            streams.add(c);
            if (canceled) {
                closeQuietly(c);
            }
        }

        public void untrack(Closeable c) {
            streams.remove(c);
        }

        public void trackRemote(RemoteProcess p) {
            remote.add(p);
        }

        public void untrackRemote(RemoteProcess p) {
            remote.remove(p);
        }

        /**
         * Stops the job's remote processes still tracked (the copy that started them normally stops them itself);
         * those verified gone are forgotten.
         *
         * @return how many could not be stopped
         */
        public int stopRemote() {
            int left = 0;
            for (RemoteProcess p : remote) {
                if (p.stop()) {
                    remote.remove(p);
                } else {
                    left++;
                    logger.warning(String.format("job %s: %s could not be stopped", uuid, p.describe()));
                }
            }
            return left;
        }

        boolean cancel() {
            canceled = true;
            boolean any;
            synchronized (this) {
                any = running > 0 || !processes.isEmpty() || !streams.isEmpty();
            }
            processes.forEach(Job::kill);
            streams.forEach(Job::closeQuietly);
            logger.info(String.format("job %s canceled (%d processes, %d streams)", uuid, processes.size(), streams.size()));
            return any;
        }

        /** The handle of a running command; closing it ends the command's claim on the job. */
        public interface Running extends AutoCloseable {
            @Override
            void close();
        }

        /** The descendants first, so none is re-parented to init and survives (virt-v2v forks qemu and nbdkit). */
        private static void kill(Process p) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }

        private static void closeQuietly(Closeable c) {
            try {
                c.close();
            } catch (IOException | RuntimeException ignored) {
                // closing is how the reader is stopped; its own error path reports the cancel
            }
        }
    }
}
