package org.zstack.v2v.job;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.core.progress.ProgressReportService;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.kvm.KVMAgentDeployer;
import org.zstack.kvm.KVMHostAgentCaller;
import org.zstack.kvm.KVMHostSecrets;
import org.zstack.network.l3.IpAllocator;
import org.zstack.storage.primary.PrimaryStorageBackends;
import org.zstack.v2v.V2VGlobalConfig;
import org.zstack.v2v.V2VJobVO;
import org.zstack.v2v.source.MigrationSources;

import java.util.function.Consumer;

/** The node's facilities a migration's flows use, in one bean so each flow gets them with its context. */
public class MigrationServices {
    @Autowired
    public DatabaseFacade dbf;
    @Autowired
    public CloudBus bus;
    @Autowired
    public ThreadFacade thdf;
    @Autowired
    public KVMHostAgentCaller agent;
    @Autowired
    public KVMAgentDeployer deployer;
    @Autowired
    public IpAllocator ipAllocator;
    @Autowired
    public MigrationSources sources;
    @Autowired
    public ProgressReportService progress;
    @Autowired
    public EncryptionFacade encryption;
    @Autowired
    public KVMHostSecrets hostSecrets;
    @Autowired
    public PrimaryStorageBackends storageBackends;

    /** An agent step of a migration: the step timeout of v2v.job.timeout, not the agent's default. */
    public <T> void callStep(String hostUuid, String path, Object cmd, Class<T> rspClass, ReturnValueCompletion<T> completion) {
        agent.call(hostUuid, path, cmd, rspClass, V2VGlobalConfig.JOB_STEP_TIMEOUT.value(Long.class) * 1000, completion);
    }

    public void updateJob(String jobUuid, Consumer<V2VJobVO> change) {
        dbf.updateById(V2VJobVO.class, jobUuid, change);
    }
}
