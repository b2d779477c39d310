package org.zstack.v2v.job;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.thread.ChainTask;
import org.zstack.core.thread.SyncTaskChain;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.v2v.V2VGlobalConfig;

import java.util.function.Consumer;

/**
 * The per-conversion-host limit of concurrent migrations (v2v.conversionHost.maxConcurrentJobs): a job runs when its
 * conversion host has a free slot; the others wait in submission order.
 */
public class ConversionHostSlots {
    @Autowired
    private ThreadFacade thdf;

    public static String signature(String conversionHostUuid) {
        return "v2v-conversion-host-slots-" + conversionHostUuid;
    }

    /** Runs work in a slot; work must call the given Runnable exactly once when it ends, freeing the slot. */
    public void runInSlot(String conversionHostUuid, String jobUuid, Consumer<Runnable> work) {
        thdf.chainSubmit(new ChainTask() {
            @Override
            public String getSyncSignature() {
                return signature(conversionHostUuid);
            }

            @Override
            public int getSyncLevel() {
                return V2VGlobalConfig.MAX_CONCURRENT_JOBS.value(Integer.class);
            }

            @Override
            public void run(SyncTaskChain chain) {
                work.accept(chain::next);
            }

            @Override
            public String getName() {
                return "v2v-job-" + jobUuid;
            }
        });
    }
}
