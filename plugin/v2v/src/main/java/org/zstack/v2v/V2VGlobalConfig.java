package org.zstack.v2v;

import org.zstack.core.config.GlobalConfig;

/** conf/globalConfig/v2v.xml */
public final class V2VGlobalConfig {
    private V2VGlobalConfig() {
    }

    public static final String CATEGORY = "v2v";
    public static final GlobalConfig MAX_CONCURRENT_JOBS = new GlobalConfig(CATEGORY, "conversionHost.maxConcurrentJobs");
    public static final GlobalConfig TARGET_VM_NAME_SUFFIX = new GlobalConfig(CATEGORY, "targetVmNameSuffix");
    public static final GlobalConfig COMPRESS = new GlobalConfig(CATEGORY, "compress");
    public static final GlobalConfig CONVERT_FORCE_TCG = new GlobalConfig(CATEGORY, "convert.forceTcg");
    public static final GlobalConfig CONVERT_TIMEOUT = new GlobalConfig(CATEGORY, "convert.timeout");
    public static final GlobalConfig PARALLEL_DISKS = new GlobalConfig(CATEGORY, "transfer.parallelDisks");
    public static final GlobalConfig SHUTDOWN_TIMEOUT = new GlobalConfig(CATEGORY, "source.shutdownTimeout");
    public static final GlobalConfig JOB_STEP_TIMEOUT = new GlobalConfig(CATEGORY, "job.timeout");
}
