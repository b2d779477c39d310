package org.zstack.v2v.migration;

import org.zstack.v2v.job.UnfinishedJobs;
import org.zstack.v2v.job.V2VJobSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.core.thread.MessageQueue;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.longjob.LongJobConstants;
import org.zstack.header.longjob.LongJobInventory;
import org.zstack.header.longjob.SubmitLongJobMsg;
import org.zstack.header.longjob.SubmitLongJobReply;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.message.APIMessage;
import org.zstack.header.message.Message;
import org.zstack.v2v.source.SourceAccess;
import org.zstack.v2v.source.SourceVm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.header.message.MessageReply;
import org.zstack.v2v.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.zstack.core.Platform.err;

/**
 * The migration APIs. Submissions go through one queue, so the checks that look at other jobs (a source VM already
 * being migrated, cache space reserved) cannot be raced by a concurrent submission.
 */
public class V2VJobApiHandler {
    private static final Logger logger = LoggerFactory.getLogger(V2VJobApiHandler.class);
    static final String SUBMISSION_QUEUE = "v2v-job-submissions";

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private MessageQueue queue;
    @Autowired
    private V2VJobPlanner planner;
    @Autowired
    private MigrationRuns runs;
    @Autowired
    private SourceVmResolver resolver;

    public boolean handles(Message msg) {
        return msg instanceof APIConvertVmFromForeignHypervisorMsg || msg instanceof APICreateV2VTaskMsg
                || msg instanceof APIDeleteV2VTaskMsg;
    }

    public void handle(Message msg) {
        if (msg instanceof APIConvertVmFromForeignHypervisorMsg m) {
            withSourceVms(m, () -> V2VJobPlanner.sourceRefs(m), m.getConversionHostUuid(), m.getSshPrivKey(), vms -> {
                V2VJobSpec spec = planner.plan(m, vms);
                LongJobInventory job = submit(spec, null, m.getId(), m.getLongJobName(), m.getLongJobDescription(),
                        m.getSession() == null ? null : m.getSession().getAccountUuid());
                APIConvertVmFromForeignHypervisorEvent evt = new APIConvertVmFromForeignHypervisorEvent(m.getId());
                evt.setInventory(job);
                bus.publish(evt);
            });
        } else if (msg instanceof APICreateV2VTaskMsg m) {
            withSourceVms(m, () -> V2VJobPlanner.sourceRefs(m), m.getConversionHostUuid(), m.getSshPrivKey(),
                    vms -> createTask(m, vms));
        } else if (msg instanceof APIDeleteV2VTaskMsg m) {
            queue.run(SUBMISSION_QUEUE, m, () -> deleteTask(m));
        }
    }

    /**
     * In the submission queue: looks the source VMs up (possibly asking the platform), then runs the planning and
     * submission, which answer the message. A lookup failure answers it with the source's error.
     */
    private void withSourceVms(APIMessage m, Supplier<List<V2VJobPlanner.SourceRef>> refs, String conversionHostUuid,
                               String sshPrivKey, Consumer<Map<String, SourceVm>> then) {
        queue.submit(SUBMISSION_QUEUE, m, chain -> {
            // a malformed request is refused in the queue too: the queue answers what its work throws
            resolver.resolve(refs.get(), new SourceAccess(conversionHostUuid, null, sshPrivKey), new ReturnValueCompletion<>() {
                @Override
                public void success(Map<String, SourceVm> vms) {
                    try {
                        then.accept(vms);
                    } catch (OperationFailureException e) {
                        bus.replyErrorByMessageType(m, e.getErrorCode());
                    } catch (RuntimeException e) {
                        logger.warn(String.format("submitting %s failed", m.getClass().getSimpleName()), e);
                        bus.replyErrorByMessageType(m, Platform.inerr("submitting the migration failed: %s", e));
                    } finally {
                        chain.next();
                    }
                }

                @Override
                public void fail(ErrorCode e) {
                    bus.replyErrorByMessageType(m, e);
                    chain.next();
                }
            });
        });
    }

    private void createTask(APICreateV2VTaskMsg m, Map<String, SourceVm> vms) {
        List<V2VJobSpec> specs = planner.plan(m, vms);
        V2VTaskVO task = new V2VTaskVO();
        task.setUuid(m.getResourceUuid() != null ? m.getResourceUuid() : Platform.getUuid());
        task.setName(m.getName());
        task.setDescription(m.getDescription());
        task.setConversionHostUuid(m.getConversionHostUuid());
        task.setZoneUuid(specs.get(0).zoneUuid);
        task.setClusterUuid(m.getClusterUuid());
        task.setHostUuid(m.getHostUuid());
        task.setPrimaryStorageUuid(m.getPrimaryStorageUuid());
        task.setStrategy(specs.get(0).strategy);
        task.setCompress(specs.get(0).compress);
        dbf.persist(task);
        String account = m.getSession() == null ? null : m.getSession().getAccountUuid();
        for (V2VJobSpec spec : specs) {
            submit(spec, task.getUuid(), Platform.getUuid(), null, m.getDescription(), account);
        }
        APICreateV2VTaskEvent evt = new APICreateV2VTaskEvent(m.getId());
        evt.setInventory(V2VTaskInventory.valueOf(dbf.findByUuid(task.getUuid(), V2VTaskVO.class)));
        bus.publish(evt);
    }

    /** Records the job, then hands it to the long job manager (which starts it when the conversion host has a slot). */
    private LongJobInventory submit(V2VJobSpec spec, String taskUuid, String apiId, String jobName, String jobDescription,
                                    String accountUuid) {
        spec.taskUuid = taskUuid;
        V2VJobVO vo = new V2VJobVO();
        vo.setUuid(spec.jobUuid);
        vo.setTaskUuid(taskUuid);
        vo.setConversionHostUuid(spec.conversionHostUuid);
        vo.setSourceUrl(spec.sourceUrl);
        vo.setSourceVmUuid(spec.sourceVm.uuid);
        vo.setSourceVmName(spec.sourceVm.name);
        vo.setTargetVmUuid(spec.targetVmUuid);
        vo.setTargetVmName(spec.name);
        vo.setTargetHostUuid(spec.hostUuid);
        vo.setPlatform(spec.platform);
        vo.setPhase("waiting");
        vo.setReservedCacheSize(spec.migratedBytes());
        vo.setSourceCredential(spec.encryptedSshPrivKey);
        dbf.persist(vo);

        SubmitLongJobMsg s = new SubmitLongJobMsg();
        s.setResourceUuid(spec.jobUuid);
        s.setApiId(apiId);
        s.setName(jobName != null ? jobName : "migrate " + spec.sourceVm.name + " to " + spec.name);
        s.setDescription(jobDescription);
        s.setJobName(APIConvertVmFromForeignHypervisorMsg.class.getSimpleName());
        s.setJobData(JSONObjectUtil.toJsonString(spec));
        s.setTargetResourceUuid(spec.targetVmUuid);
        s.setAccountUuid(accountUuid);
        bus.makeLocalServiceId(s, LongJobConstants.SERVICE_ID);
        MessageReply r = bus.call(s);
        if (!r.isSuccess()) {
            dbf.removeByPrimaryKey(spec.jobUuid, V2VJobVO.class);
            throw new OperationFailureException(r.getError());
        }
        return ((SubmitLongJobReply) r).getInventory();
    }

    private void deleteTask(APIDeleteV2VTaskMsg m) {
        V2VTaskVO task = dbf.findByUuid(m.getUuid(), V2VTaskVO.class);
        if (task != null) {
            List<String> jobs = Q.New(V2VJobVO.class).eq(V2VJobVO_.taskUuid, task.getUuid()).listValues(V2VJobVO_.uuid);
            List<String> active = new ArrayList<>(UnfinishedJobs.among(jobs));
            jobs.stream().filter(runs::isRunning).filter(j -> !active.contains(j)).forEach(active::add);
            if (!active.isEmpty()) {
                throw new OperationFailureException(err(V2VErrors.TASK_RUNNING, "task %s still has %d running job(s) %s;"
                        + " cancel them (CancelLongJob) or wait for them to end", task.getName(), active.size(), active));
            }
            dbf.transactionVoid(em -> {
                em.createQuery("delete from V2VJobVO j where j.taskUuid = :t").setParameter("t", task.getUuid()).executeUpdate();
                if (!jobs.isEmpty()) {
                    em.createQuery("delete from LongJobVO j where j.uuid in :u").setParameter("u", jobs).executeUpdate();
                }
                em.createQuery("delete from V2VTaskVO t where t.uuid = :t").setParameter("t", task.getUuid()).executeUpdate();
            });
        }
        bus.publish(new APIDeleteV2VTaskEvent(m.getId()));
    }
}
