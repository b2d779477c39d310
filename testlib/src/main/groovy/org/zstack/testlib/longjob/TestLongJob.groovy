package org.zstack.testlib.longjob

import org.zstack.core.json.JSONObjectUtil
import org.zstack.header.core.NoErrorCompletion
import org.zstack.header.core.ReturnValueCompletion
import org.zstack.header.longjob.LongJob
import org.zstack.header.longjob.LongJobErrors
import org.zstack.header.longjob.LongJobFor
import org.zstack.header.longjob.LongJobVO
import org.zstack.header.message.APIEvent

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

import static org.zstack.core.Platform.err
import static org.zstack.core.Platform.operr

/**
 * A long job the tests steer: it finishes at once, fails (always or on its first run), is interrupted (and so
 * suspended), or blocks until released or canceled. It records
 * which of start/resume/cancel/clean ran for each key, so a test can see what the manager did after a restart.
 */
@LongJobFor(APITestLongJobMsg)
class TestLongJob implements LongJob {
    static final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>()
    static final Map<String, List<String>> calls = new ConcurrentHashMap<>()
    private static final Map<String, ReturnValueCompletion<APIEvent>> waiting = new ConcurrentHashMap<>()

    static void release(String key) {
        gates.computeIfAbsent(key, { new CountDownLatch(1) }).countDown()
    }

    static List<String> callsOf(String key) {
        return calls.getOrDefault(key, [])
    }

    private static void record(String key, String what) {
        calls.computeIfAbsent(key, { Collections.synchronizedList([]) }).add(what)
    }

    @Override
    void start(LongJobVO job, ReturnValueCompletion<APIEvent> completion) {
        run(job, completion, "start")
    }

    @Override
    void resume(LongJobVO job, ReturnValueCompletion<APIEvent> completion) {
        run(job, completion, "resume")
    }

    private void run(LongJobVO job, ReturnValueCompletion<APIEvent> completion, String how) {
        APITestLongJobMsg data = JSONObjectUtil.toObject(job.jobData, APITestLongJobMsg)
        String key = data.key ?: job.uuid
        record(key, how)
        if (data.fail || (data.failOnce && callsOf(key).size() == 1)) {
            completion.fail(operr("the test job was told to fail"))
            return
        }
        if (data.interrupt && how == "start") {
            completion.fail(err(LongJobErrors.INTERRUPTED, "the test job was told to be interrupted"))
            return
        }
        if (!data.block || how == "resume") {
            completion.success(new APIEvent(job.apiId))
            return
        }
        waiting.put(job.uuid, completion)
        Thread.start {
            boolean released = gates.computeIfAbsent(key, { new CountDownLatch(1) }).await(120, TimeUnit.SECONDS)
            def c = waiting.remove(job.uuid)
            if (c != null) {
                if (released) {
                    c.success(new APIEvent(job.apiId))
                } else {
                    c.fail(operr("the test job was never released"))
                }
            }
        }
    }

    @Override
    void cancel(LongJobVO job, ReturnValueCompletion<Boolean> completion) {
        APITestLongJobMsg data = JSONObjectUtil.toObject(job.jobData, APITestLongJobMsg)
        record(data.key ?: job.uuid, "cancel")
        def c = waiting.remove(job.uuid)
        completion.success(true)
        c?.fail(err(LongJobErrors.CANCELED, "the test job was canceled"))
    }

    /** CleanLongJob's work: only recorded. */
    @Override
    void clean(LongJobVO job, NoErrorCompletion completion) {
        APITestLongJobMsg data = JSONObjectUtil.toObject(job.jobData, APITestLongJobMsg)
        record(data.key ?: job.uuid, "clean")
        completion.done()
    }
}
