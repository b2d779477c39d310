package org.zstack.v2v.flow;

import org.slf4j.LoggerFactory;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.core.workflow.Flow;
import org.zstack.header.core.workflow.FlowRollback;
import org.zstack.header.core.workflow.FlowTrigger;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.v2v.V2VAgentCommands;
import org.zstack.v2v.V2VErrors;
import org.zstack.v2v.V2VGlobalConfig;
import org.zstack.v2v.V2VSystemTags;
import org.zstack.v2v.job.MigrationContext;
import org.zstack.v2v.source.PreparedSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.zstack.core.Platform.err;

/**
 * Transfer: the conversion host reads every migrated disk from the source, next to the data, into its cache path
 * (zeroes skipped, the conversion host's download limit honoured). The files are removed with the job's directory
 * when the run ends, so there is nothing to roll back here.
 */
public class TransferDisksFlow implements Flow {
    public static final String PHASE = "transfer";
    public static final int PROGRESS_BASE = 5;
    public static final int PROGRESS_SPAN = 40;
    private final MigrationContext ctx;

    public TransferDisksFlow(MigrationContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run(FlowTrigger trigger, Map data) {
        ctx.beginPhase(PHASE, PROGRESS_BASE);
        V2VAgentCommands.TransferCmd cmd = new V2VAgentCommands.TransferCmd();
        cmd.jobUuid = ctx.jobUuid();
        cmd.apiId = ctx.apiId;
        cmd.storagePath = ctx.storagePath();
        cmd.progressBase = PROGRESS_BASE;
        cmd.progressSpan = PROGRESS_SPAN;
        cmd.downloadBandwidth = V2VSystemTags.downloadBandwidth(ctx.conversionHost.getUuid());
        cmd.parallelDisks = V2VGlobalConfig.PARALLEL_DISKS.value(Integer.class);
        cmd.disks = new ArrayList<>();
        for (int i = 0; i < ctx.disks.size(); i++) {
            int sourceIndex = ctx.disks.get(i).index;
            PreparedSource.DiskRead read = ctx.prepared.disks.stream().filter(d -> d.index == sourceIndex).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the source gave no way to read disk " + sourceIndex));
            V2VAgentCommands.TransferDisk d = new V2VAgentCommands.TransferDisk();
            // the agent numbers the job's disks 0..n-1 in migration order, root first
            d.index = i;
            d.url = read.url;
            d.headers = read.headers;
            d.sslThumbprint = read.sslThumbprint;
            d.capacity = read.capacity;
            d.extents = read.extents;
            cmd.disks.add(d);
        }
        cmd.sshPrivKey = sshKeyFor(cmd.disks, ctx.access().sshPrivKey);
        ctx.services.callStep(ctx.conversionHost.getHostUuid(), V2VAgentCommands.TRANSFER_PATH, cmd,
                V2VAgentCommands.TransferRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(V2VAgentCommands.TransferRsp rsp) {
                        ctx.transferred = rsp;
                        long bytes = rsp.disks == null ? 0 : rsp.disks.stream().mapToLong(x -> x.bytesRead).sum();
                        ctx.services.updateJob(ctx.jobUuid(), j -> j.setBytesTransferred(bytes));
                        logResumed(rsp);
                        ctx.endPhase(PHASE);
                        // the copy is what needed the source still; the conversion does not
                        ctx.source.disksCopied(ctx.prepared, ctx.access(), new Completion() {
                            @Override
                            public void success() {
                                trigger.next();
                            }

                            @Override
                            public void fail(ErrorCode errorCode) {
                                trigger.next();
                            }
                        });
                    }

                    @Override
                    public void fail(ErrorCode e) {
                        trigger.fail(err(V2VErrors.TRANSFER_FAILED, e, "copying the disks of VM %s to conversion host %s failed",
                                ctx.vmName(), ctx.conversionHost.getName()));
                    }
                });
    }

    /** A copy that went on from an earlier run's checkpoint says so: the bytes read are then less than the disk's data. */
    private void logResumed(V2VAgentCommands.TransferRsp rsp) {
        if (rsp.disks == null) {
            return;
        }
        for (V2VAgentCommands.TransferredDisk d : rsp.disks) {
            if (d.resumedFromByte > 0) {
                LoggerFactory.getLogger(TransferDisksFlow.class).info("job {} disk {}: resumed at byte {}, {} bytes kept from"
                        + " earlier runs, {} read now ({} of them read twice) at {} B/s", ctx.jobUuid(), d.index, d.resumedFromByte,
                        d.bytesFromCheckpoint, d.bytesRead, d.bytesReadAgain, d.bytesPerSecond);
            }
        }
    }

    /**
     * The source's key goes only to a transfer that reads over ssh (a KVM source, {@code ssh://} disks; the agent
     * writes it to a 0600 file for the copy only). A VMware transfer reads over HTTPS with the session's cookie and
     * never gets a secret it does not use.
     */
    public static String sshKeyFor(List<V2VAgentCommands.TransferDisk> disks, String sshPrivKey) {
        boolean overSsh = disks.stream().anyMatch(d -> d.url != null && d.url.regionMatches(true, 0, "ssh://", 0, 6));
        return overSsh ? sshPrivKey : null;
    }

    @Override
    public void rollback(FlowRollback trigger, Map data) {
        trigger.rollback();
    }
}
