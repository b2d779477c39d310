package org.zstack.v2v.agent.transfer;

import org.zstack.v2v.agent.job.BandwidthLimiter;
import org.zstack.v2v.agent.job.JobDirectory;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.job.PhaseProgress;

import java.time.Duration;

/**
 * What all disk transfers of one transfer command share.
 *
 * @param limiter          the job's download limit for the copies that read through Java; null is unlimited
 * @param bandwidth        the same limit in bytes per second (null: unlimited), for copies that leave the reading to
 *                         a tool with a rate limit of its own
 * @param disksAtOnce      how many disks copy at the same time
 * @param stallTimeout     how long a read may receive nothing before it is dropped
 * @param checkpoint       throws to stop a disk: the job was canceled, or another disk failed
 * @param resumeEvery      how many bytes read between two {@link DiskCheckpoint}s of a disk (or 5 s, if sooner)
 */
record TransferContext(JobRegistry.Job job, JobDirectory dir, BandwidthLimiter limiter, Long bandwidth,
                       int disksAtOnce, PhaseProgress progress, Duration stallTimeout, Runnable checkpoint,
                       long resumeEvery) {

    /** The resume checkpoint of disk {@code index}. */
    DiskCheckpoint diskCheckpoint(int index) {
        return new DiskCheckpoint(dir.checkpoint(index), job.uuid(), index, resumeEvery,
                DiskCheckpoint.DEFAULT_INTERVAL_TIME);
    }

    /**
     * One disk's share of the job's limit, for a tool that limits each disk on its own (qemu-img -r): the disks
     * running at once together keep to the job's limit. Null when unlimited.
     */
    Long bandwidthPerDisk() {
        if (bandwidth == null || bandwidth <= 0) {
            return null;
        }
        return Math.max(1, bandwidth / Math.max(1, disksAtOnce));
    }
}
