package org.zstack.vmware.source;

import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.NotAuthenticated;
import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.mo.ServerConnection;
import com.vmware.vim25.mo.Task;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.vmware.VCenterConnection;
import org.zstack.vmware.VCenterConnectionPool;
import org.zstack.vmware.VCenterException;

import java.util.concurrent.TimeUnit;

import static org.zstack.core.Platform.err;

/**
 * The calls of a migration to a vCenter, through the node's pooled sessions. The pool reports any failure as
 * "cannot reach vCenter"; here a vSphere fault becomes an error of the step's own code that says what was being
 * done and what vSphere answered. A lost session is left to the pool, which logs in again and runs the call once
 * more; so each call changes the VM at most once (run again, it had not run: the first try failed on the session).
 */
class VimCalls {
    /** Polls of a task or a lease start this often and slow down to MAX_POLL_MILLIS: quick ones end quickly. */
    private static final long FIRST_POLL_MILLIS = 100;
    private static final long MAX_POLL_MILLIS = 2000;

    private final VCenterConnectionPool pool;

    VimCalls(VCenterConnectionPool pool) {
        this.pool = pool;
    }

    <T> T call(String vCenterUuid, Enum<?> code, String what, VCenterConnectionPool.VimWork<T> work) {
        try {
            return pool.call(vCenterUuid, c -> {
                try {
                    return work.run(c);
                } catch (OperationFailureException e) {
                    throw e;
                } catch (Exception e) {
                    if (find(e, NotAuthenticated.class) == null && find(e, MethodFault.class) != null) {
                        throw new OperationFailureException(err(code, "%s: vCenter answered %s", what, VCenterException.describe(e)));
                    }
                    throw e;
                }
            });
        } catch (OperationFailureException e) {
            ErrorCode cause = e.getErrorCode();
            if (cause.isError(code)) {
                throw e;
            }
            throw new OperationFailureException(err(code, cause, "%s: %s", what, cause.getDetails()));
        }
    }

    /**
     * Waits for a vSphere task and returns its result; a task that fails or outlasts timeoutSeconds is an error of
     * the given code (the task goes on in vCenter: it cannot always be cancelled).
     */
    Object awaitTask(String vCenterUuid, Enum<?> code, String what, String taskMorval, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            TaskInfo info = call(vCenterUuid, code, what, c -> new Task(connection(c), mor("Task", taskMorval)).getTaskInfo());
            if (info.getState() == TaskInfoState.success) {
                return info.getResult();
            }
            if (info.getState() == TaskInfoState.error) {
                throw new OperationFailureException(err(code, "%s: the vCenter task %s failed: %s", what, taskMorval, message(info.getError())));
            }
            if (System.nanoTime() > deadline) {
                throw new OperationFailureException(err(code, "%s: the vCenter task %s did not finish within %d s", what, taskMorval, timeoutSeconds));
            }
            pause = sleep(pause);
        }
    }

    /** Sleeps, and returns the next, longer, pause of a poll. */
    static long sleep(long pauseMillis) {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailureException(err(VmwareSourceErrors.DISKS_NOT_READABLE, "interrupted while waiting for vCenter"));
        }
        return Math.min(MAX_POLL_MILLIS, pauseMillis * 2);
    }

    static ServerConnection connection(VCenterConnection c) {
        return c.getServiceInstance().getServerConnection();
    }

    static ManagedObjectReference mor(String type, String value) {
        ManagedObjectReference m = new ManagedObjectReference();
        m.setType(type);
        m.setVal(value);
        return m;
    }

    /** What vSphere says of a failure, in a few words. */
    static String message(LocalizedMethodFault f) {
        if (f == null) {
            return "no reason given";
        }
        String kind = f.getFault() == null ? null : f.getFault().getClass().getSimpleName();
        String text = f.getLocalizedMessage();
        if (text == null || text.isBlank()) {
            return kind == null ? "no reason given" : kind;
        }
        return kind == null ? text : kind + ": " + text;
    }

    static <T extends Throwable> T find(Throwable e, Class<T> clz) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (clz.isInstance(t)) {
                return clz.cast(t);
            }
        }
        return null;
    }
}
