package org.zstack.test.integration.longjob

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.core.Platform
import org.zstack.core.cloudbus.CloudBus
import org.zstack.core.db.DatabaseFacade
import org.zstack.core.progress.ProgressReportService
import org.zstack.header.longjob.LongJobConstants
import org.zstack.header.longjob.LongJobState
import org.zstack.header.longjob.LongJobVO
import org.zstack.header.longjob.SubmitLongJobMsg
import org.zstack.header.longjob.SubmitLongJobReply
import org.zstack.sdk.*
import org.zstack.testlib.HttpResult
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode
import org.zstack.testlib.longjob.TestLongJob

import java.util.concurrent.CountDownLatch

/**
 * The long-job framework through the public API (SDK and raw REST), with TestLongJob as the job: submission and
 * the Waiting → Running → Succeeded | Failed path, cancel (Canceling → Canceled), resume (only from Suspended),
 * rerun, delete, a bad job name, progress, and that a finished job's state never changes again.
 */
class LongJobCase {
    static final String JOB = "APITestLongJobMsg"
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    /** Keys of blocking jobs a case started; released after each case so no job thread lingers. */
    final List<String> keys = []

    @AfterEach
    void releaseBlockedJobs() {
        keys.each { TestLongJob.release(it) }
    }

    // ---------------------------------------------------------------- helpers

    String newKey() {
        String k = "key-" + Platform.getUuid()
        keys.add(k)
        return k
    }

    DatabaseFacade getDbf() { node.bean(DatabaseFacade) }

    LongJobInventory submit(Map data, String uuid = null) {
        def a = new SubmitLongJobAction(jobName: JOB, jobData: JsonOutput.toJson(data), sessionId: session)
        a.resourceUuid = uuid
        return a.call().throwExceptionIfError().value.inventory
    }

    LongJobInventory query(String uuid) {
        def l = new QueryLongJobAction(conditions: ["uuid=${uuid}".toString()], sessionId: session)
                .call().throwExceptionIfError().value.inventories
        return l.isEmpty() ? null : (LongJobInventory) l[0]
    }

    /** Polls QueryLongJob until the job is in state, failing the case after timeoutMs. */
    LongJobInventory waitFor(String uuid, String state, long timeoutMs = 30000) {
        long deadline = System.currentTimeMillis() + timeoutMs
        LongJobInventory inv
        while (true) {
            inv = query(uuid)
            if (inv?.state == state) {
                return inv
            }
            assert System.currentTimeMillis() < deadline: "long job ${uuid} never reached ${state}; it is ${inv?.state}"
            Thread.sleep(20)
        }
    }

    static ErrorCode errorOf(ActionResult r) {
        assert r.error != null: "expected an error, got ${r.value}"
        return r.error
    }

    ErrorCode cancelError(String uuid) { errorOf(new CancelLongJobAction(uuid: uuid, sessionId: session).call()) }

    ErrorCode resumeError(String uuid) { errorOf(new ResumeLongJobAction(uuid: uuid, sessionId: session).call()) }

    ErrorCode rerunError(String uuid) { errorOf(new RerunLongJobAction(uuid: uuid, sessionId: session).call()) }

    ErrorCode deleteError(String uuid) { errorOf(new DeleteLongJobAction(uuid: uuid, sessionId: session).call()) }

    /** A job row written straight into the database, as another (or an earlier) node would have left it. */
    LongJobVO insertJob(LongJobState state, Map data, String owner) {
        LongJobVO vo = new LongJobVO()
        vo.uuid = Platform.getUuid()
        vo.name = "inserted"
        vo.apiId = Platform.getUuid()
        vo.jobName = JOB
        vo.jobData = JsonOutput.toJson(data)
        vo.state = state
        vo.managementNodeUuid = owner
        return dbf.persist(vo)
    }

    // ---------------------------------------------------------------- cases

    @Test
    void submittedJobRunsToSucceededWithTheApiJobUuidAsApiId() {
        String uuid = Platform.getUuid()
        def states = new LongJobStates(dbf, uuid)
        String jobUuid = Platform.getUuid()
        String key = newKey()
        HttpResult accepted = node.http("POST", "/v1/longjobs", [params: [jobName: JOB, name: "first",
                jobData: JsonOutput.toJson([key: key]), resourceUuid: uuid]],
                ["X-Job-UUID": jobUuid, "Authorization": "OAuth ${session}".toString()])
        assert accepted.status == 202: accepted
        HttpResult done = node.poll(accepted)
        assert done.status == 200: done
        def submitted = done.json.inventory
        assert submitted.uuid == uuid
        assert submitted.apiId == jobUuid
        assert submitted.jobName == JOB
        assert submitted.name == "first"
        assert submitted.state in ["Waiting", "Running", "Succeeded"]
        assert done.json.schema?."inventory" == "org.zstack.header.longjob.LongJobInventory"

        LongJobInventory inv = waitFor(uuid, "Succeeded")
        LongJobStates.assertForward(states.stop(), "Succeeded")
        assert inv.apiId == jobUuid
        assert inv.jobResult != null
        // the job's final APIEvent in its REST form (TestLongJob's event has no fields: "{}"), not an error
        def result = new JsonSlurper().parseText(inv.jobResult)
        assert result instanceof Map && !result.containsKey("code") && !result.containsKey("error"): inv.jobResult
        assert inv.executeTime != null && inv.executeTime >= 0
        assert inv.managementNodeUuid == node.node.uuid
        assert inv.createDate != null && inv.lastOpDate != null
        assert TestLongJob.callsOf(key) == ["start"]
    }

    @Test
    void blockingJobIsRunningUntilReleased() {
        String key = newKey()
        String uuid = Platform.getUuid()
        def states = new LongJobStates(dbf, uuid)
        LongJobInventory inv = submit([key: key, block: true], uuid)
        assert inv.state in ["Waiting", "Running"]
        waitFor(uuid, "Running")
        Thread.sleep(200)
        assert query(uuid).state == "Running"
        assert query(uuid).jobResult == null

        TestLongJob.release(key)
        inv = waitFor(uuid, "Succeeded")
        List<String> seen = states.stop()
        LongJobStates.assertForward(seen, "Succeeded")
        assert seen.contains("Running")
        assert inv.jobResult != null
        assert inv.executeTime != null
        assert TestLongJob.callsOf(key) == ["start"]
    }

    @Test
    void failingJobIsFailedWithItsErrorAsResult() {
        String key = newKey()
        String uuid = Platform.getUuid()
        def states = new LongJobStates(dbf, uuid)
        submit([key: key, fail: true], uuid)
        LongJobInventory inv = waitFor(uuid, "Failed")
        LongJobStates.assertForward(states.stop(), "Failed")
        def err = new JsonSlurper().parseText(inv.jobResult)
        assert err.code == "SYS.1006": inv.jobResult
        assert err.details.contains("the test job was told to fail")
        assert inv.executeTime != null
    }

    @Test
    void cancelingABlockingJobGoesThroughCancelingToCanceled() {
        String key = newKey()
        String uuid = Platform.getUuid()
        def states = new LongJobStates(dbf, uuid)
        submit([key: key, block: true], uuid)
        waitFor(uuid, "Running")

        new CancelLongJobAction(uuid: uuid, sessionId: session).call().throwExceptionIfError()
        // TestLongJob acknowledges the cancel first and fails its run with LONG_JOB.1000 right after
        assert query(uuid).state in ["Canceling", "Canceled"]
        LongJobInventory inv = waitFor(uuid, "Canceled")
        List<String> seen = states.stop()
        LongJobStates.assertForward(seen, "Canceled")
        assert seen.contains("Canceling"): seen
        assert new JsonSlurper().parseText(inv.jobResult).code == "LONG_JOB.1000": inv.jobResult
        assert TestLongJob.callsOf(key) == ["start", "cancel"]

        // canceling it again, or a finished job, is a state error
        assert cancelError(uuid).code == "LONG_JOB.1004"
        assert query(uuid).state == "Canceled"
    }

    @Test
    void cancelingAFinishedJobIsRefused() {
        String ok = submit([key: newKey()]).uuid
        String failed = submit([key: newKey(), fail: true]).uuid
        waitFor(ok, "Succeeded")
        waitFor(failed, "Failed")
        assert cancelError(ok).code == "LONG_JOB.1004"
        assert cancelError(failed).code == "LONG_JOB.1004"
        assert query(ok).state == "Succeeded"
        assert query(failed).state == "Failed"
    }

    @Test
    void cancelingAJobThatDoesNotRunHereCancelsItAtOnce() {
        // a Waiting job of this (alive) node that nothing has started, and a Suspended one
        LongJobVO waiting = insertJob(LongJobState.Waiting, [key: newKey()], node.node.uuid)
        LongJobVO suspended = insertJob(LongJobState.Suspended, [key: newKey()], node.node.uuid)
        for (LongJobVO vo : [waiting, suspended]) {
            new CancelLongJobAction(uuid: vo.uuid, sessionId: session).call().throwExceptionIfError()
            assert query(vo.uuid).state == "Canceled"
        }
        assert TestLongJob.callsOf(new JsonSlurper().parseText(waiting.jobData).key).isEmpty()
    }

    @Test
    void resumeOnlyFromSuspended() {
        // an interrupted run (LONG_JOB.1002) suspends the job
        String key = newKey()
        String uuid = Platform.getUuid()
        def states = new LongJobStates(dbf, uuid)
        submit([key: key, interrupt: true], uuid)
        LongJobInventory inv = waitFor(uuid, "Suspended")
        assert new JsonSlurper().parseText(inv.jobResult).code == "LONG_JOB.1002"

        def r = new ResumeLongJobAction(uuid: uuid, sessionId: session).call().throwExceptionIfError()
        assert r.value.inventory.uuid == uuid
        inv = waitFor(uuid, "Succeeded")
        List<String> seen = states.stop()
        LongJobStates.assertForward(seen, "Succeeded")
        assert seen.contains("Suspended")
        assert TestLongJob.callsOf(key) == ["start", "resume"]
        assert !inv.jobResult.contains("LONG_JOB.1002")

        // not Suspended: running, or finished
        assert resumeError(uuid).code == "LONG_JOB.1004"
        String blocking = submit([key: newKey(), block: true]).uuid
        waitFor(blocking, "Running")
        assert resumeError(blocking).code == "LONG_JOB.1004"
        assert query(blocking).state == "Running"
    }

    @Test
    void rerunningAFailedJobRunsItAgain() {
        String key = newKey()
        String uuid = Platform.getUuid()
        String firstApiId = submit([key: key, failOnce: true], uuid).apiId
        LongJobInventory failed = waitFor(uuid, "Failed")
        assert failed.jobResult.contains("SYS.1006")

        def states = new LongJobStates(dbf, uuid)
        def r = new RerunLongJobAction(uuid: uuid, sessionId: session).call().throwExceptionIfError()
        assert r.value.inventory.uuid == uuid
        LongJobInventory inv = waitFor(uuid, "Succeeded")
        List<String> seen = states.stop()
        // the rerun resets the job to Waiting; from there it only moves forward
        LongJobStates.assertForward(seen.subList(seen.indexOf("Failed") + 1, seen.size()), "Succeeded")
        assert TestLongJob.callsOf(key) == ["start", "start"]
        assert !inv.jobResult.contains("SYS.1006"): inv.jobResult
        assert inv.executeTime != null
        // as in ZStack, the rerun is a new run: its apiId is the rerun API's, so its progress is its own
        assert inv.apiId != firstApiId

        // a job that has not finished cannot rerun
        String blocking = submit([key: newKey(), block: true]).uuid
        waitFor(blocking, "Running")
        assert rerunError(blocking).code == "LONG_JOB.1004"
    }

    @Test
    void deletingARunningJobIsRefusedAFinishedOneWorks() {
        String key = newKey()
        String uuid = submit([key: key, block: true]).uuid
        waitFor(uuid, "Running")
        assert deleteError(uuid).code == "LONG_JOB.1004"
        assert query(uuid).state == "Running"

        TestLongJob.release(key)
        waitFor(uuid, "Succeeded")
        new DeleteLongJobAction(uuid: uuid, sessionId: session).call().throwExceptionIfError()
        assert query(uuid) == null
        // deleting what is gone succeeds, as every ZStack delete does
        new DeleteLongJobAction(uuid: uuid, sessionId: session).call().throwExceptionIfError()
    }

    @Test
    void anUnknownJobNameIsAnInvalidArgument() {
        long before = new QueryLongJobAction(count: true, sessionId: session).call().throwExceptionIfError().value.total
        def r = new SubmitLongJobAction(jobName: "APINoSuchJobMsg", jobData: "{}", sessionId: session).call()
        assert errorOf(r).code == "SYS.1007"
        assert r.error.details.contains("APINoSuchJobMsg")
        assert new QueryLongJobAction(count: true, sessionId: session).call().throwExceptionIfError().value.total == before
    }

    @Test
    void aPluginSubmitsThroughSubmitLongJobMsg() {
        // how an API such as ConvertVmFromForeignHypervisor turns itself into a long job: the job's apiId is the API's id
        CloudBus bus = node.bean(CloudBus)
        String key = newKey()
        String apiId = Platform.getUuid()
        def msg = new SubmitLongJobMsg(jobName: JOB, jobData: JsonOutput.toJson([key: key]), apiId: apiId,
                name: "from-a-plugin", targetResourceUuid: Platform.getUuid())
        bus.makeLocalServiceId(msg, LongJobConstants.SERVICE_ID)
        def reply = bus.call(msg)
        assert reply.success: reply.error
        def submitted = ((SubmitLongJobReply) reply).inventory
        assert submitted.apiId == apiId
        LongJobInventory inv = waitFor(submitted.uuid, "Succeeded")
        assert inv.name == "from-a-plugin"
        assert inv.apiId == apiId
        assert TestLongJob.callsOf(key) == ["start"]

        def bad = new SubmitLongJobMsg(jobName: "APINoSuchJobMsg", jobData: "{}")
        bus.makeLocalServiceId(bad, LongJobConstants.SERVICE_ID)
        def r = bus.call(bad)
        assert !r.success
        assert r.error.code == "SYS.1007"
    }

    @Test
    void progressReportedUnderTheApiIdIsReadBack() {
        String key = newKey()
        LongJobInventory inv = submit([key: key, block: true])
        waitFor(inv.uuid, "Running")
        def progress = node.bean(ProgressReportService)
        progress.reportProgress(inv.apiId, 10, "download", [bytes: 100, disk: "1/2"])
        progress.reportProgress(inv.apiId, 55, "convert", null)
        progress.reportProgress(inv.apiId, 150, "convert", null) // clamped to 100

        def latest = new GetTaskProgressAction(apiId: inv.apiId, sessionId: session).call().throwExceptionIfError().value.inventories
        assert latest.size() == 1
        assert latest[0].content == "100"
        assert latest[0].taskName == "convert"
        assert latest[0].type == "Progress"

        def all = new GetTaskProgressAction(apiId: inv.apiId, all: true, sessionId: session).call().throwExceptionIfError().value.inventories
        assert all*.content == ["100", "55", "10"]
        assert all[2].taskName == "download"
        assert all[2].opaque.bytes == 100
        assert all[2].opaque.disk == "1/2"
        assert all[0].time >= all[2].time

        // the raw wire form: GET /zstack/v1/task-progresses/{apiId}, synchronous
        HttpResult raw = node.http("GET", "/v1/task-progresses/${inv.apiId}?all=true", null,
                ["Authorization": "OAuth ${session}".toString()])
        assert raw.status == 200: raw
        assert raw.json.inventories*.content == ["100", "55", "10"]

        assert new GetTaskProgressAction(apiId: Platform.getUuid(), sessionId: session).call()
                .throwExceptionIfError().value.inventories.isEmpty()
        TestLongJob.release(key)
        waitFor(inv.uuid, "Succeeded")
    }

    @Test
    void aFinishedJobNeverChangesState() {
        // a cancel racing the job's own end: whichever wins, the job ends once, consistently, and stays there
        for (int i = 0; i < 20; i++) {
            String key = newKey()
            String uuid = Platform.getUuid()
            def states = new LongJobStates(dbf, uuid)
            submit([key: key, block: true], uuid)
            waitFor(uuid, "Running")
            def go = new CountDownLatch(1)
            CancelLongJobAction.Result r = null
            def canceling = Thread.start { go.await(); r = new CancelLongJobAction(uuid: uuid, sessionId: session).call() }
            def releasing = Thread.start { go.await(); TestLongJob.release(key) }
            go.countDown()
            [canceling, releasing]*.join()
            if (r.error != null) {
                assert r.error.code == "LONG_JOB.1004": r.error
            }

            long deadline = System.currentTimeMillis() + 30000
            LongJobInventory inv
            while (!((inv = query(uuid)).state in ["Succeeded", "Canceled"])) {
                assert System.currentTimeMillis() < deadline: inv.state
                Thread.sleep(10)
            }
            Thread.sleep(50)
            List<String> seen = states.stop()
            LongJobStates.assertForward(seen, inv.state)
            LongJobInventory after = query(uuid)
            assert after.state == inv.state
            assert after.jobResult == inv.jobResult
            // the result matches the state: an event for Succeeded, LONG_JOB.1000 for Canceled
            def result = new JsonSlurper().parseText(after.jobResult)
            if (after.state == "Succeeded") {
                assert !result.containsKey("code"): after.jobResult
            } else {
                assert result.code == "LONG_JOB.1000": after.jobResult
            }
        }

        // and no API moves a finished job: not cancel, not resume
        String uuid = submit([key: newKey()]).uuid
        LongJobInventory done = waitFor(uuid, "Succeeded")
        assert cancelError(uuid).code == "LONG_JOB.1004"
        assert resumeError(uuid).code == "LONG_JOB.1004"
        LongJobInventory after = query(uuid)
        assert after.state == "Succeeded"
        assert after.jobResult == done.jobResult
    }
}
