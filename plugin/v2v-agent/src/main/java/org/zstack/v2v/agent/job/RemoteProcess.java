package org.zstack.v2v.agent.job;

/**
 * A process a job started on another host (qemu-nbd on a KVM source host), known by its PID there. Its own session
 * ending is meant to stop it, but that depends on how quickly the remote side notices; so whoever ends the job's work
 * (the copy's own teardown, a failure, cancel, cleanup) stops it explicitly over a fresh connection and checks it is
 * gone.
 */
public interface RemoteProcess {
    /** "qemu-nbd pid 123 (/tmp/tmp.x) on 10.0.0.5:22", for logs. */
    String describe();

    /**
     * Stops the process (TERM, then KILL) and checks that it is gone, retrying a few times.
     *
     * @return true when it is verified gone (or was already), false when it could not be stopped or reached
     */
    boolean stop();
}
