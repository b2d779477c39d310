package org.zstack.v2v.agent;

import org.zstack.agent.AgentExtension;
import org.zstack.agent.CommandRegistry;
import org.zstack.v2v.agent.convert.ConvertCommand;
import org.zstack.v2v.agent.deliver.DeliverCommand;
import org.zstack.v2v.agent.deliver.VolumeDeleteCommand;
import org.zstack.v2v.agent.deliver.VolumeUploadHandler;
import org.zstack.v2v.agent.job.CancelJobCommand;
import org.zstack.v2v.agent.job.CleanupJobCommand;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.job.JobLogCommand;
import org.zstack.v2v.agent.job.JobStateCommand;
import org.zstack.v2v.agent.job.OneRunPerJob;
import org.zstack.v2v.agent.source.kvm.ListKvmVmsCommand;
import org.zstack.v2v.agent.source.kvm.PrepareKvmVmCommand;
import org.zstack.v2v.agent.source.kvm.ReleaseKvmVmCommand;
import org.zstack.v2v.agent.transfer.TransferCommand;

/** The V2V commands of the host agent, found by the runtime through ServiceLoader like any extension. */
public class V2VAgentExtension implements AgentExtension {
    public static final String CLEAN_PATH = "/v2v/conversionhost/clean";
    public static final String TRANSFER_PATH = "/v2v/job/transfer";
    public static final String DELIVER_PATH = "/v2v/job/deliver";
    public static final String CANCEL_PATH = "/v2v/job/cancel";
    public static final String CLEANUP_PATH = "/v2v/job/cleanup";
    public static final String VOLUME_UPLOAD_PATH = VolumeUploadHandler.PATH;
    public static final String VOLUME_DELETE_PATH = "/v2v/volume/delete";

    /** What every job runs on this agent: the one place cancel looks. */
    private final JobRegistry jobs = new JobRegistry();
    /** A job's transfer, convert or deliver sent again while it runs attaches to the run (a node took the job over). */
    private final OneRunPerJob runs = new OneRunPerJob();

    @Override
    public void register(CommandRegistry registry) {
        registry.register(CLEAN_PATH, ConversionCacheCleaner.CleanCmd.class, new ConversionCacheCleaner());
        registry.register(TRANSFER_PATH, TransferCommand.TransferCmd.class,
                runs.wrap(TRANSFER_PATH, c -> c.jobUuid, new TransferCommand(jobs)));
        registry.register(ConvertCommand.PATH, ConvertCommand.ConvertCmd.class,
                runs.wrap(ConvertCommand.PATH, c -> c.jobUuid, new ConvertCommand(jobs)));
        registry.register(DELIVER_PATH, DeliverCommand.DeliverCmd.class,
                runs.wrap(DELIVER_PATH, c -> c.jobUuid, new DeliverCommand(jobs)));
        registry.register(JobStateCommand.PATH, JobStateCommand.StateCmd.class, new JobStateCommand(runs));
        registry.register(JobLogCommand.PATH, JobLogCommand.LogCmd.class, new JobLogCommand());
        registry.register(CANCEL_PATH, CancelJobCommand.CancelCmd.class, new CancelJobCommand(jobs));
        registry.register(CLEANUP_PATH, CleanupJobCommand.CleanupCmd.class, new CleanupJobCommand(jobs));
        registry.registerStream(VOLUME_UPLOAD_PATH, new VolumeUploadHandler());
        registry.register(VOLUME_DELETE_PATH, VolumeDeleteCommand.DeleteCmd.class, new VolumeDeleteCommand());
        // the KVM source: list a libvirt host's domains, hold one still for the copy, let it go afterwards
        registry.register(ListKvmVmsCommand.PATH, ListKvmVmsCommand.ListCmd.class, new ListKvmVmsCommand());
        registry.register(PrepareKvmVmCommand.PATH, PrepareKvmVmCommand.PrepareCmd.class, new PrepareKvmVmCommand());
        registry.register(ReleaseKvmVmCommand.PATH, ReleaseKvmVmCommand.ReleaseCmd.class, new ReleaseKvmVmCommand());
    }

    /** Child processes and downloads of every job end with the agent. */
    @Override
    public void stop() {
        jobs.cancelAll();
    }

    /** The jobs of this agent instance; tests reach in to cancel or inspect. */
    public JobRegistry jobs() {
        return jobs;
    }
}
