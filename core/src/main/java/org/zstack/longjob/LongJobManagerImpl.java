package org.zstack.longjob;

import jakarta.persistence.LockModeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.core.thread.ChainTask;
import org.zstack.core.thread.SyncTaskChain;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.AbstractService;
import org.zstack.header.core.NoErrorCompletion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.errorcode.SysErrors;
import org.zstack.header.longjob.*;
import org.zstack.header.managementnode.ManagementNodeTakeoverExtensionPoint;
import org.zstack.header.message.APIEvent;
import org.zstack.header.message.APIMessage;
import org.zstack.header.message.Message;

import java.sql.Timestamp;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import static org.zstack.core.Platform.err;
import static org.zstack.core.Platform.operr;

/**
 * Runs long jobs and keeps their state machine (see {@link LongJobState}): Waiting → Running → Succeeded | Failed |
 * Canceled, with Canceling on the way to Canceled and Suspended when a run is interrupted.
 * <p>
 * As in ZStack, everything that acts on one job (start, resume, cancel, rerun, delete) runs in the ChainTask
 * "longjob-&lt;uuid&gt;", so two of them never interleave; the chain moves on as soon as a run is started, not when it
 * ends, so that a cancel can reach a running job. The end of a run comes from the job's own thread and is not
 * queued (a job may well wait for its run to stop before it acknowledges a cancel): every state change is therefore
 * a transition checked under a row lock, which is what keeps a late or racing event from moving a finished job.
 * <p>
 * A live node takes over the unfinished jobs of nodes that are gone, at its start and at each heartbeat (a node killed
 * while this one runs is taken over within about one heartbeat timeout): Waiting ones start, Running and Suspended
 * ones resume, Canceling ones end Canceled. Each job is claimed with an UPDATE ... WHERE managementNodeUuid = the
 * dead node's, so of several live nodes exactly one takes it.
 */
public class LongJobManagerImpl extends AbstractService implements ManagementNodeTakeoverExtensionPoint {
    private static final Logger logger = LoggerFactory.getLogger(LongJobManagerImpl.class);

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private ApplicationContext context;

    /** jobName (API simple name) → prototype bean name of its LongJob. */
    private final Map<String, String> jobBeans = new HashMap<>();
    /** The runs this node has under way, for cancel. */
    private final Map<String, LongJob> running = new ConcurrentHashMap<>();
    /** Set on stop: the runs still under way then end in a node that is gone, and the next node resumes them. */
    private volatile boolean stopped;

    @Override
    public String getId() {
        return LongJobConstants.SERVICE_ID;
    }

    @Override
    public boolean start() {
        for (String name : context.getBeanNamesForType(LongJob.class)) {
            Class<?> type = context.getType(name);
            LongJobFor f = type == null ? null : type.getAnnotation(LongJobFor.class);
            if (f == null) {
                throw new IllegalStateException("LongJob bean " + name + " has no @LongJobFor");
            }
            if (!context.isPrototype(name)) {
                throw new IllegalStateException("LongJob bean " + name + " must be scope=\"prototype\"");
            }
            jobBeans.put(f.value().getSimpleName(), name);
        }
        return true;
    }

    @Override
    public boolean stop() {
        stopped = true;
        running.clear();
        return true;
    }

    private String myUuid() {
        return bus.getManagementNodeUuid();
    }

    // ------------------------------------------------------------------------------------------------ takeover

    /** alive holds this node too; the unfinished jobs of every other node are taken. */
    @Override
    public void takeOverFromDeadNodes(Set<String> alive) {
        if (stopped) {
            return;
        }
        List<LongJobVO> unfinished = Q.New(LongJobVO.class).in(LongJobVO_.state, List.of(LongJobState.Waiting,
                LongJobState.Running, LongJobState.Suspended, LongJobState.Canceling)).list();
        for (LongJobVO vo : unfinished) {
            String owner = vo.getManagementNodeUuid();
            if (owner != null && alive.contains(owner)) {
                continue;
            }
            if (!claim(vo.getUuid(), owner)) {
                // another live node took it first
                continue;
            }
            String uuid = vo.getUuid();
            logger.info("taking over long job[uuid:{}, state:{}] of management node {}, which is gone", uuid, vo.getState(), owner);
            switch (vo.getState()) {
                case Waiting -> inJobChain(uuid, "start", null, chain -> {
                    run(uuid, LongJobStateEvent.start);
                    chain.next();
                });
                case Running, Suspended -> inJobChain(uuid, "resume", null, chain -> {
                    run(uuid, LongJobStateEvent.resume);
                    chain.next();
                });
                // nothing runs it any more: the cancel it was waiting for is done
                default -> inJobChain(uuid, "cancel", null, chain -> {
                    changeState(uuid, LongJobStateEvent.canceled, false, j -> j.setJobResult(toJson(
                            err(LongJobErrors.CANCELED, "long job[uuid:%s] was canceled while its management node was gone", uuid))));
                    chain.next();
                });
            }
        }
    }

    /** Makes this node the job's owner if owner still is (a compare-and-set, so two nodes never both take a job). */
    private boolean claim(String uuid, String owner) {
        String me = myUuid();
        return dbf.transaction(em -> {
            var q = em.createQuery("update LongJobVO j set j.managementNodeUuid = :me, j.lastOpDate = :now where j.uuid = :uuid and "
                    + (owner == null ? "j.managementNodeUuid is null" : "j.managementNodeUuid = :owner"));
            q.setParameter("me", me);
            q.setParameter("now", new Timestamp(System.currentTimeMillis()));
            q.setParameter("uuid", uuid);
            if (owner != null) {
                q.setParameter("owner", owner);
            }
            return q.executeUpdate() == 1;
        });
    }

    // ------------------------------------------------------------------------------------------------ messages

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof SubmitLongJobMsg m) {
            SubmitLongJobReply r = new SubmitLongJobReply();
            r.setInventory(submit(m));
            bus.reply(m, r);
        } else if (msg instanceof APISubmitLongJobMsg m) {
            handle(m);
        } else if (msg instanceof APICancelLongJobMsg m) {
            handle(m);
        } else if (msg instanceof APIResumeLongJobMsg m) {
            handle(m);
        } else if (msg instanceof APIRerunLongJobMsg m) {
            handle(m);
        } else if (msg instanceof APIDeleteLongJobMsg m) {
            handle(m);
        } else if (msg instanceof APIUpdateLongJobMsg m) {
            handle(m);
        } else if (msg instanceof APICleanLongJobMsg m) {
            handle(m);
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handle(APISubmitLongJobMsg m) {
        SubmitLongJobMsg s = new SubmitLongJobMsg();
        s.setName(m.getName());
        s.setDescription(m.getDescription());
        s.setJobName(m.getJobName());
        s.setJobData(m.getJobData());
        s.setTargetResourceUuid(m.getTargetResourceUuid());
        s.setAccountUuid(m.getSession() == null ? null : m.getSession().getAccountUuid());
        s.setApiId(m.getId());
        s.setResourceUuid(m.getResourceUuid());
        APISubmitLongJobEvent evt = new APISubmitLongJobEvent(m.getId());
        evt.setInventory(submit(s));
        bus.publish(evt);
    }

    /** Records the job Waiting and queues its start; the inventory returned is the Waiting job. */
    public LongJobInventory submit(SubmitLongJobMsg m) {
        if (!jobBeans.containsKey(m.getJobName())) {
            throw new OperationFailureException(Platform.argerr("no long job named %s; known: %s", m.getJobName(), jobBeans.keySet()));
        }
        LongJobVO vo = new LongJobVO();
        vo.setUuid(m.getResourceUuid() != null ? m.getResourceUuid() : Platform.getUuid());
        vo.setName(m.getName() != null ? m.getName() : m.getJobName());
        vo.setDescription(m.getDescription());
        vo.setApiId(m.getApiId() != null ? m.getApiId() : Platform.getUuid());
        vo.setJobName(m.getJobName());
        vo.setJobData(m.getJobData());
        vo.setTargetResourceUuid(m.getTargetResourceUuid());
        vo.setAccountUuid(m.getAccountUuid());
        vo.setManagementNodeUuid(myUuid());
        vo.setState(LongJobState.Waiting);
        if (dbf.isExist(vo.getUuid(), LongJobVO.class)) {
            throw new OperationFailureException(Platform.argerr("a long job with uuid %s already exists", vo.getUuid()));
        }
        dbf.persist(vo);
        LongJobInventory inv = LongJobInventory.valueOf(vo);
        String uuid = vo.getUuid();
        inJobChain(uuid, "start", null, chain -> {
            run(uuid, LongJobStateEvent.start);
            chain.next();
        });
        return inv;
    }

    private void handle(APICancelLongJobMsg m) {
        String uuid = m.getUuid();
        inJobChain(uuid, "cancel", m, chain -> {
            LongJobVO vo = load(uuid);
            if (vo.getState().isFinal()) {
                throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                        "long job[uuid:%s] is already %s and cannot be canceled", uuid, vo.getState()));
            }
            APICancelLongJobEvent evt = new APICancelLongJobEvent(m.getId());
            LongJob job = running.get(uuid);
            if (job == null) {
                // Waiting, Suspended, or its run went with its node: there is nothing to tell, it is canceled now
                LongJobVO canceled = changeState(uuid, LongJobStateEvent.canceled, false, j -> j.setJobResult(toJson(
                        err(LongJobErrors.CANCELED, "long job[uuid:%s] was canceled", uuid))));
                if (canceled == null) {
                    throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                            "long job[uuid:%s] is already %s and cannot be canceled", uuid, load(uuid).getState()));
                }
                bus.publish(evt);
                chain.next();
                return;
            }
            if (!Behaviors.supports(job, "cancel")) {
                throw new OperationFailureException(err(LongJobErrors.NOT_SUPPORTED, "long job %s cannot be canceled", vo.getJobName()));
            }
            LongJobVO canceling = changeState(uuid, LongJobStateEvent.canceling, false, null);
            if (canceling == null) {
                // the run ended between the two reads above
                throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                        "long job[uuid:%s] is already %s and cannot be canceled", uuid, load(uuid).getState()));
            }
            // the run now ends on its own, failing with LONG_JOB.1000, and that makes the job Canceled
            AtomicBoolean answered = new AtomicBoolean();
            job.cancel(canceling, new ReturnValueCompletion<>() {
                @Override
                public void success(Boolean asked) {
                    if (answered.compareAndSet(false, true)) {
                        bus.publish(evt);
                        chain.next();
                    }
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    if (answered.compareAndSet(false, true)) {
                        evt.setError(operr(errorCode, "failed to cancel long job[uuid:%s]", uuid));
                        bus.publish(evt);
                        chain.next();
                    }
                }
            });
        });
    }

    private void handle(APIResumeLongJobMsg m) {
        String uuid = m.getUuid();
        inJobChain(uuid, "resume", m, chain -> {
            LongJobVO vo = load(uuid);
            if (vo.getState() != LongJobState.Suspended) {
                throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                        "only a Suspended long job can resume; long job[uuid:%s] is %s", uuid, vo.getState()));
            }
            if (!jobBeans.containsKey(vo.getJobName()) || !Behaviors.supports(newJob(vo.getJobName()), "resume")) {
                throw new OperationFailureException(err(LongJobErrors.NOT_SUPPORTED, "long job %s cannot resume", vo.getJobName()));
            }
            // whoever suspended it, this node runs it now
            dbf.transactionVoid(em -> em.find(LongJobVO.class, uuid).setManagementNodeUuid(myUuid()));
            run(uuid, LongJobStateEvent.resume);
            APIResumeLongJobEvent evt = new APIResumeLongJobEvent(m.getId());
            evt.setInventory(LongJobInventory.valueOf(load(uuid)));
            bus.publish(evt);
            chain.next();
        });
    }

    /** A finished job runs again from the start, as a new run: like ZStack, its apiId becomes the rerun API's id. */
    private void handle(APIRerunLongJobMsg m) {
        String uuid = m.getUuid();
        inJobChain(uuid, "rerun", m, chain -> {
            dbf.transactionVoid(em -> {
                LongJobVO vo = em.find(LongJobVO.class, uuid, LockModeType.PESSIMISTIC_WRITE);
                if (vo == null) {
                    throw new OperationFailureException(err(LongJobErrors.NOT_FOUND, "long job[uuid:%s] not found", uuid));
                }
                if (!vo.getState().isFinal()) {
                    throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                            "long job[uuid:%s] is %s; only a finished job can rerun", uuid, vo.getState()));
                }
                vo.setState(LongJobState.Waiting);
                vo.setJobResult(null);
                vo.setExecuteTime(null);
                vo.setApiId(m.getId());
                vo.setManagementNodeUuid(myUuid());
            });
            run(uuid, LongJobStateEvent.start);
            APIRerunLongJobEvent evt = new APIRerunLongJobEvent(m.getId());
            evt.setInventory(LongJobInventory.valueOf(load(uuid)));
            bus.publish(evt);
            chain.next();
        });
    }

    /** Only a finished job can go; a Suspended one is canceled first (its run may have left work behind). */
    private void handle(APIDeleteLongJobMsg m) {
        String uuid = m.getUuid();
        inJobChain(uuid, "delete", m, chain -> {
            dbf.transactionVoid(em -> {
                LongJobVO vo = em.find(LongJobVO.class, uuid, LockModeType.PESSIMISTIC_WRITE);
                if (vo == null) {
                    return;
                }
                if (!vo.getState().isFinal()) {
                    throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                            "long job[uuid:%s] is %s; cancel it before deleting it", uuid, vo.getState()));
                }
                em.remove(vo);
            });
            bus.publish(new APIDeleteLongJobEvent(m.getId()));
            chain.next();
        });
    }

    /** Name and description only, so it need not wait for the job's other work: a row update is atomic. */
    private void handle(APIUpdateLongJobMsg m) {
        LongJobVO vo = dbf.transaction(em -> {
            LongJobVO j = em.find(LongJobVO.class, m.getUuid(), LockModeType.PESSIMISTIC_WRITE);
            if (j == null) {
                throw new OperationFailureException(err(LongJobErrors.NOT_FOUND, "long job[uuid:%s] not found", m.getUuid()));
            }
            if (m.getName() != null) {
                j.setName(m.getName());
            }
            if (m.getDescription() != null) {
                j.setDescription(m.getDescription());
            }
            return j;
        });
        APIUpdateLongJobEvent evt = new APIUpdateLongJobEvent(m.getId());
        evt.setInventory(LongJobInventory.valueOf(vo));
        bus.publish(evt);
    }

    /**
     * ZStack's way out of a job stuck in Canceling: its LongJob cleans what the run left, and the job ends Canceled.
     * A run still stopping on this node ends the job by itself; cleaning under it would race with its rollback.
     */
    private void handle(APICleanLongJobMsg m) {
        String uuid = m.getUuid();
        inJobChain(uuid, "clean", m, chain -> {
            LongJobVO vo = load(uuid);
            if (vo.getState() != LongJobState.Canceling) {
                throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                        "only a Canceling long job can be cleaned; long job[uuid:%s] is %s", uuid, vo.getState()));
            }
            if (!jobBeans.containsKey(vo.getJobName()) || !Behaviors.supports(newJob(vo.getJobName()), "clean")) {
                throw new OperationFailureException(err(LongJobErrors.NOT_SUPPORTED, "long job %s cannot be cleaned", vo.getJobName()));
            }
            if (running.containsKey(uuid)) {
                throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                        "long job[uuid:%s] is still stopping on this management node; it ends Canceled by itself", uuid));
            }
            newJob(vo.getJobName()).clean(vo, new NoErrorCompletion() {
                @Override
                public void done() {
                    changeState(uuid, LongJobStateEvent.canceled, false, j -> j.setJobResult(toJson(
                            err(LongJobErrors.CANCELED, "long job[uuid:%s] was canceled and cleaned", uuid))));
                    bus.publish(new APICleanLongJobEvent(m.getId()));
                    chain.next();
                }
            });
        });
    }

    // ------------------------------------------------------------------------------------------------ runs

    /**
     * Work on one job, serialized with all other work on it. An error thrown before the work answers becomes the
     * API's error (a throw inside a chain task would otherwise leave the API unanswered until its timeout).
     */
    private void inJobChain(String uuid, String what, APIMessage api, Consumer<SyncTaskChain> work) {
        thdf.chainSubmit(new ChainTask() {
            @Override
            public String getSyncSignature() {
                return "longjob-" + uuid;
            }

            @Override
            public void run(SyncTaskChain chain) {
                try {
                    work.accept(chain);
                } catch (OperationFailureException e) {
                    answerError(e.getErrorCode());
                    chain.next();
                } catch (Throwable t) {
                    logger.warn(String.format("%s long job[uuid:%s] threw", what, uuid), t);
                    answerError(Platform.inerr("%s long job[uuid:%s]: %s: %s", what, uuid, t.getClass().getSimpleName(), t.getMessage()));
                    chain.next();
                }
            }

            private void answerError(ErrorCode error) {
                if (api != null) {
                    bus.replyErrorByMessageType(api, error);
                } else {
                    logger.warn("cannot {} long job[uuid:{}]: {}", what, uuid, error);
                }
            }

            @Override
            public String getName() {
                return what + "-longjob-" + uuid;
            }
        });
    }

    private LongJob newJob(String jobName) {
        return context.getBean(jobBeans.get(jobName), LongJob.class);
    }

    /** Starts (event start) or resumes (event resume) a run of the job, if the job is still where that applies. */
    private void run(String uuid, LongJobStateEvent event) {
        LongJobVO current = dbf.findByUuid(uuid, LongJobVO.class);
        if (current == null) {
            return;
        }
        boolean resume = event == LongJobStateEvent.resume;
        if (!jobBeans.containsKey(current.getJobName())) {
            // e.g. taken over from a node that had a plugin this one lacks
            changeState(uuid, LongJobStateEvent.fail, true, j -> j.setJobResult(toJson(
                    operr("no long job named %s on management node %s", current.getJobName(), myUuid()))));
            return;
        }
        LongJob job = newJob(current.getJobName());
        if (resume && !Behaviors.supports(job, "resume")) {
            // it cannot continue where it stopped: it fails, and the administrator may rerun it
            changeState(uuid, LongJobStateEvent.fail, true, j -> j.setJobResult(toJson(
                    err(LongJobErrors.INTERRUPTED, "long job[uuid:%s] was interrupted and cannot resume", uuid))));
            return;
        }
        LongJobVO started = changeState(uuid, event, true, null);
        if (started == null) {
            // canceled, deleted or taken by another node since this was queued
            return;
        }
        running.put(uuid, job);
        long begin = System.currentTimeMillis();
        AtomicBoolean once = new AtomicBoolean();
        ReturnValueCompletion<APIEvent> completion = new ReturnValueCompletion<>() {
            @Override
            public void success(APIEvent evt) {
                if (once.compareAndSet(false, true)) {
                    finish(uuid, job, evt, null, begin);
                }
            }

            @Override
            public void fail(ErrorCode e) {
                if (once.compareAndSet(false, true)) {
                    finish(uuid, job, null, e, begin);
                }
            }
        };
        try {
            if (resume) {
                job.resume(started, completion);
            } else {
                job.start(started, completion);
            }
        } catch (OperationFailureException e) {
            completion.fail(e.getErrorCode());
        } catch (Throwable t) {
            logger.warn(String.format("long job[uuid:%s] threw", uuid), t);
            completion.fail(Platform.inerr("long job threw %s: %s", t.getClass().getSimpleName(), t.getMessage()));
        }
    }

    /** Records how a run ended; ignored when the job has moved on without it (finished, or another node's now). */
    private void finish(String uuid, LongJob job, APIEvent evt, ErrorCode error, long begin) {
        running.remove(uuid, job);
        if (stopped) {
            // the job stays as the database has it; the node that takes over resumes it
            logger.info("long job[uuid:{}] ended after its management node stopped; its end is not recorded", uuid);
            return;
        }
        LongJobStateEvent event = error == null ? LongJobStateEvent.succeed : eventOnError(error);
        // a job that succeeds with no event still gets a result, so that "jobResult set" holds for every end
        String result = error != null ? toJson(error) : evt == null ? "{}" : toJson(evt);
        // whole seconds, at least one, as ZStack shows a job that ran
        long seconds = Math.max(1, (System.currentTimeMillis() - begin + 999) / 1000);
        LongJobVO vo = changeState(uuid, event, true, j -> {
            j.setJobResult(result);
            j.setExecuteTime((j.getExecuteTime() == null ? 0 : j.getExecuteTime()) + seconds);
        });
        if (vo == null) {
            logger.warn("the end ({}) of a run of long job[uuid:{}] came after the job had moved on; ignored", event, uuid);
            return;
        }
        logger.info("long job[uuid:{}, name:{}] {}", uuid, vo.getJobName(), vo.getState());
    }

    private static LongJobStateEvent eventOnError(ErrorCode error) {
        if (error.findCause(LongJobErrors.CANCELED.toString()) != null) {
            return LongJobStateEvent.canceled;
        }
        if (error.findCause(LongJobErrors.INTERRUPTED.toString()) != null
                || error.findCause(SysErrors.MANAGEMENT_NODE_UNAVAILABLE_ERROR.toString()) != null) {
            return LongJobStateEvent.suspend;
        }
        return LongJobStateEvent.fail;
    }

    /**
     * Moves the job along {@link LongJobState#nextState} under a row lock, applying update in the same transaction.
     * Returns the job as it now is, or null when the event does not apply: the job is gone, final (a final state is
     * never left this way), or, with mineOnly, no longer this node's.
     */
    private LongJobVO changeState(String uuid, LongJobStateEvent event, boolean mineOnly, Consumer<LongJobVO> update) {
        String me = myUuid();
        return dbf.transaction(em -> {
            LongJobVO vo = em.find(LongJobVO.class, uuid, LockModeType.PESSIMISTIC_WRITE);
            if (vo == null) {
                return null;
            }
            if (mineOnly && !me.equals(vo.getManagementNodeUuid())) {
                logger.info("long job[uuid:{}] belongs to management node {} now; {} ignored", uuid, vo.getManagementNodeUuid(), event);
                return null;
            }
            LongJobState next = vo.getState().nextState(event);
            if (next == null) {
                logger.debug("long job[uuid:{}] is {}; {} does not apply", uuid, vo.getState(), event);
                return null;
            }
            vo.setState(next);
            if (update != null) {
                update.accept(vo);
            }
            return vo;
        });
    }

    private LongJobVO load(String uuid) {
        LongJobVO vo = dbf.findByUuid(uuid, LongJobVO.class);
        if (vo == null) {
            throw new OperationFailureException(err(LongJobErrors.NOT_FOUND, "long job[uuid:%s] not found", uuid));
        }
        return vo;
    }

    private static String toJson(Object o) {
        return JSONObjectUtil.restGson.toJson(o);
    }

    /** Whether a LongJob overrides a default (unsupported) behaviour. */
    static final class Behaviors {
        private Behaviors() {
        }

        static boolean supports(LongJob job, String method) {
            for (java.lang.reflect.Method mth : job.getClass().getMethods()) {
                if (mth.getName().equals(method) && mth.getDeclaringClass() != LongJob.class && !mth.isBridge()) {
                    return true;
                }
            }
            return false;
        }
    }
}
