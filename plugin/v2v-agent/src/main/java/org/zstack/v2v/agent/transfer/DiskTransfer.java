package org.zstack.v2v.agent.transfer;

import java.io.IOException;

/**
 * Copies one source disk into the job's {@code disk-<i>.raw} (sparse) and {@code disk-<i>.done}, whatever serves it.
 * {@link TransferCommand} runs these without knowing the source; {@link DiskTransfers} picks one by the URL's scheme.
 */
interface DiskTransfer {
    /**
     * The bytes this disk will read, added to the phase's total before any disk starts. A transfer that only learns
     * the real figure once it has reached its source (the allocated extents of a KVM disk) answers an estimate here
     * and corrects the total through {@code PhaseProgress.addTotal} when it knows; a finished disk skipped on a rerun
     * advances the progress by this same figure.
     */
    long plannedBytes();

    /**
     * Copies the disk, or answers the figures of an earlier run when its done marker is valid; an earlier run's
     * valid {@link DiskCheckpoint} makes it go on from there.
     *
     * @throws org.zstack.v2v.agent.job.JobCanceledException when the job was canceled
     * @throws org.zstack.agent.AgentException               on an error a retry would not cure; it names the disk
     */
    TransferCommand.DiskResult copy() throws IOException, InterruptedException;

    /** Breaks off the copy now from another thread (another disk failed); it then ends at its next checkpoint. */
    void abort();
}
