package org.zstack.v2v.migration;

import org.zstack.v2v.job.ConversionHostSlots;
import org.zstack.v2v.job.MigrationContext;
import org.zstack.v2v.job.MigrationServices;
import org.zstack.v2v.job.V2VJobSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.longjob.LongJob;
import org.zstack.header.longjob.LongJobFor;
import org.zstack.header.longjob.LongJobVO;
import org.zstack.header.message.APIEvent;
import org.zstack.v2v.APIConvertVmFromForeignHypervisorEvent;
import org.zstack.v2v.APIConvertVmFromForeignHypervisorMsg;
import org.zstack.v2v.V2VConversionHostVO;
import org.zstack.v2v.V2VGlobalConfig;

/**
 * The long job of one VM's migration (ConvertVmFromForeignHypervisor, and each VM of a CreateV2VTask). Its jobData
 * is a {@link V2VJobSpec}. Resume (after a node restart, or a live node's takeover of a dead node's job) runs it
 * again from the start: the agent keeps the disks already copied and the conversion done, and a command that still
 * runs there (sent by the dead node) is attached to rather than started twice, so only what was not finished is done.
 */
@LongJobFor(APIConvertVmFromForeignHypervisorMsg.class)
public class ConvertVmFromForeignHypervisorLongJob implements LongJob {
    @Autowired
    private MigrationServices services;
    @Autowired
    private ConversionHostSlots slots;
    @Autowired
    private MigrationRuns runs;

    @Override
    public void start(LongJobVO job, ReturnValueCompletion<APIEvent> completion) {
        run(job, false, completion);
    }

    private void run(LongJobVO job, boolean resumed, ReturnValueCompletion<APIEvent> completion) {
        V2VJobSpec spec = JSONObjectUtil.toObject(job.getJobData(), V2VJobSpec.class);
        MigrationContext ctx = new MigrationContext(spec, job.getApiId(), services);
        ctx.resumed = resumed;
        MigrationRun run = new MigrationRun(ctx);
        runs.add(job.getUuid(), run);
        String waitingFor = waitingForSlot(spec.conversionHostUuid);
        services.updateJob(job.getUuid(), j -> {
            j.setPhase("queued");
            j.setWaitingFor(waitingFor);
        });
        slots.runInSlot(spec.conversionHostUuid, job.getUuid(), freeSlot -> run.run(new Completion() {
            @Override
            public void success() {
                runs.remove(job.getUuid(), run);
                freeSlot.run();
                completion.success(new APIConvertVmFromForeignHypervisorEvent(job.getApiId()));
            }

            @Override
            public void fail(ErrorCode errorCode) {
                runs.remove(job.getUuid(), run);
                freeSlot.run();
                completion.fail(errorCode);
            }
        }));
    }

    /** What a queued job is told it waits for; it may also start at once, and then the text is cleared. */
    private String waitingForSlot(String conversionHostUuid) {
        V2VConversionHostVO ch = services.dbf.findByUuid(conversionHostUuid, V2VConversionHostVO.class);
        return String.format("a free slot on conversion host %s (at most %d migrations at once: v2v.conversionHost.maxConcurrentJobs)",
                ch == null ? conversionHostUuid : ch.getName(), V2VGlobalConfig.MAX_CONCURRENT_JOBS.value(Integer.class));
    }

    @Override
    public void resume(LongJobVO job, ReturnValueCompletion<APIEvent> completion) {
        run(job, true, completion);
    }

    @Override
    public void cancel(LongJobVO job, ReturnValueCompletion<Boolean> completion) {
        MigrationRun run = runs.get(job.getUuid());
        if (run != null) {
            run.cancel();
        }
        completion.success(true);
    }
}
