package org.zstack.longjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.core.managementnode.ManagementNodeTracker;
import org.zstack.header.AbstractService;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.errorcode.SysErrors;
import org.zstack.header.longjob.*;
import org.zstack.header.managementnode.ManagementNodeReadyExtensionPoint;
import org.zstack.header.message.APIEvent;
import org.zstack.header.message.Message;

import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.zstack.core.Platform.err;
import static org.zstack.core.Platform.operr;

/**
 * Runs long jobs and keeps their state machine: Waiting → Running → Succeeded | Failed | Canceled, with
 * Canceling on the way to Canceled and Suspended when a run is interrupted. On start it takes over the
 * unfinished jobs of management nodes that are gone: Waiting ones start, Running ones resume.
 */
public class LongJobManagerImpl extends AbstractService implements ManagementNodeReadyExtensionPoint {
    private static final Logger logger = LoggerFactory.getLogger(LongJobManagerImpl.class);

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private ManagementNodeTracker nodes;

    /** jobName (API simple name) → prototype bean name of its LongJob. */
    private final Map<String, String> jobBeans = new HashMap<>();
    /** Jobs this node runs now, for cancel. */
    private final Map<String, LongJob> running = new ConcurrentHashMap<>();

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

    /** Once this node is registered its own uuid counts as alive; every other unfinished job is taken over. */
    @Override
    public void managementNodeReady() {
        Set<String> alive = new HashSet<>(nodes.aliveNodeUuids());
        for (LongJobVO vo : Q.New(LongJobVO.class).in(LongJobVO_.state,
                List.of(LongJobState.Waiting, LongJobState.Running, LongJobState.Canceling)).list()) {
            if (vo.getManagementNodeUuid() != null && alive.contains(vo.getManagementNodeUuid())) {
                continue;
            }
            LongJobState was = vo.getState();
            vo.setManagementNodeUuid(bus.getManagementNodeUuid());
            vo = dbf.update(vo);
            logger.info("taking over long job[uuid:{}, state:{}] of a management node that is gone", vo.getUuid(), was);
            switch (was) {
                case Waiting -> run(vo, false);
                case Running -> run(vo, true);
                default -> setState(vo.getUuid(), LongJobState.Canceled, null);
            }
        }
    }

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
        vo.setManagementNodeUuid(bus.getManagementNodeUuid());
        vo.setState(LongJobState.Waiting);
        vo.setExecuteTime(0L);
        dbf.persist(vo);
        LongJobInventory inv = LongJobInventory.valueOf(vo);
        run(vo, false);
        return inv;
    }

    private LongJob newJob(String jobName) {
        return context.getBean(jobBeans.get(jobName), LongJob.class);
    }

    private void run(LongJobVO vo, boolean resume) {
        LongJob job = newJob(vo.getJobName());
        String uuid = vo.getUuid();
        if (resume && !Behaviors.supports(job, "resume")) {
            // it cannot continue where it was; the administrator may rerun it
            finish(uuid, null, err(LongJobErrors.INTERRUPTED, "long job[uuid:%s] was interrupted and cannot resume", uuid));
            return;
        }
        running.put(uuid, job);
        LongJobVO started = setState(uuid, LongJobState.Running, null);
        long begin = System.currentTimeMillis();
        AtomicBoolean once = new AtomicBoolean();
        ReturnValueCompletion<APIEvent> completion = new ReturnValueCompletion<>() {
            @Override
            public void success(APIEvent evt) {
                if (once.compareAndSet(false, true)) {
                    finish(uuid, evt, null, begin);
                }
            }

            @Override
            public void fail(ErrorCode e) {
                if (once.compareAndSet(false, true)) {
                    finish(uuid, null, e, begin);
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

    private void finish(String uuid, APIEvent evt, ErrorCode error) {
        finish(uuid, evt, error, System.currentTimeMillis());
    }

    private void finish(String uuid, APIEvent evt, ErrorCode error, long begin) {
        running.remove(uuid);
        LongJobVO vo = dbf.findByUuid(uuid, LongJobVO.class);
        if (vo == null) {
            return;
        }
        LongJobState state;
        if (error == null) {
            state = LongJobState.Succeeded;
            vo.setJobResult(JSONObjectUtil.restGson.toJson(evt));
        } else {
            if (error.findCause(LongJobErrors.CANCELED.toString()) != null || vo.getState() == LongJobState.Canceling) {
                state = LongJobState.Canceled;
            } else if (error.findCause(LongJobErrors.INTERRUPTED.toString()) != null
                    || error.findCause(SysErrors.MANAGEMENT_NODE_UNAVAILABLE_ERROR.toString()) != null) {
                state = LongJobState.Suspended;
            } else {
                state = LongJobState.Failed;
            }
            vo.setJobResult(JSONObjectUtil.restGson.toJson(error));
        }
        long seconds = (System.currentTimeMillis() - begin) / 1000;
        vo.setExecuteTime((vo.getExecuteTime() == null ? 0 : vo.getExecuteTime()) + seconds);
        vo.setState(state);
        dbf.update(vo);
        logger.info("long job[uuid:{}, name:{}] {}", uuid, vo.getJobName(), state);
    }

    private LongJobVO setState(String uuid, LongJobState state, String result) {
        return dbf.transaction(em -> {
            LongJobVO vo = em.find(LongJobVO.class, uuid);
            vo.setState(state);
            if (result != null) {
                vo.setJobResult(result);
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

    private void handle(APICancelLongJobMsg m) {
        LongJobVO vo = load(m.getUuid());
        APICancelLongJobEvent evt = new APICancelLongJobEvent(m.getId());
        if (vo.getState().isFinal()) {
            throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                    "long job[uuid:%s] is already %s and cannot be canceled", vo.getUuid(), vo.getState()));
        }
        LongJob job = running.get(vo.getUuid());
        if (job == null) {
            // waiting, suspended, or its runner is gone: nothing runs to be told
            evt.setInventory(LongJobInventory.valueOf(setState(vo.getUuid(), LongJobState.Canceled, null)));
            bus.publish(evt);
            return;
        }
        if (!Behaviors.supports(job, "cancel")) {
            throw new OperationFailureException(err(LongJobErrors.NOT_SUPPORTED, "long job %s cannot be canceled", vo.getJobName()));
        }
        LongJobVO canceling = setState(vo.getUuid(), LongJobState.Canceling, null);
        job.cancel(canceling, new ReturnValueCompletion<>() {
            @Override
            public void success(Boolean returnValue) {
                evt.setInventory(LongJobInventory.valueOf(load(m.getUuid())));
                bus.publish(evt);
            }

            @Override
            public void fail(ErrorCode errorCode) {
                evt.setError(operr(errorCode, "failed to cancel long job[uuid:%s]", m.getUuid()));
                bus.publish(evt);
            }
        });
    }

    private void handle(APIResumeLongJobMsg m) {
        LongJobVO vo = load(m.getUuid());
        if (vo.getState() != LongJobState.Suspended) {
            throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                    "only a Suspended long job can resume; long job[uuid:%s] is %s", vo.getUuid(), vo.getState()));
        }
        if (!Behaviors.supports(newJob(vo.getJobName()), "resume")) {
            throw new OperationFailureException(err(LongJobErrors.NOT_SUPPORTED, "long job %s cannot resume", vo.getJobName()));
        }
        vo.setManagementNodeUuid(bus.getManagementNodeUuid());
        run(dbf.update(vo), true);
        APIResumeLongJobEvent evt = new APIResumeLongJobEvent(m.getId());
        evt.setInventory(LongJobInventory.valueOf(load(m.getUuid())));
        bus.publish(evt);
    }

    private void handle(APIRerunLongJobMsg m) {
        LongJobVO vo = load(m.getUuid());
        if (!vo.getState().isFinal()) {
            throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                    "long job[uuid:%s] is %s; only a finished job can rerun", vo.getUuid(), vo.getState()));
        }
        vo.setState(LongJobState.Waiting);
        vo.setJobResult(null);
        vo.setExecuteTime(0L);
        vo.setManagementNodeUuid(bus.getManagementNodeUuid());
        vo = dbf.update(vo);
        run(vo, false);
        APIRerunLongJobEvent evt = new APIRerunLongJobEvent(m.getId());
        evt.setInventory(LongJobInventory.valueOf(load(m.getUuid())));
        bus.publish(evt);
    }

    private void handle(APIDeleteLongJobMsg m) {
        LongJobVO vo = dbf.findByUuid(m.getUuid(), LongJobVO.class);
        if (vo != null) {
            if (!vo.getState().isFinal() && vo.getState() != LongJobState.Suspended) {
                throw new OperationFailureException(err(LongJobErrors.INVALID_STATE,
                        "long job[uuid:%s] is %s; cancel it before deleting it", vo.getUuid(), vo.getState()));
            }
            dbf.remove(vo);
        }
        bus.publish(new APIDeleteLongJobEvent(m.getId()));
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
