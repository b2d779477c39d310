package org.zstack.test.integration.longjob

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.zstack.core.Platform
import org.zstack.core.db.DatabaseFacade
import org.zstack.header.longjob.LongJobState
import org.zstack.header.longjob.LongJobVO
import org.zstack.header.managementnode.ManagementNodeVO
import org.zstack.sdk.*
import org.zstack.testlib.NodeExtension
import org.zstack.testlib.TestNode
import org.zstack.testlib.longjob.TestLongJob

import java.sql.Timestamp

/**
 * What a management node does with the unfinished long jobs of nodes that are gone when it starts (node.restart()
 * keeps the database, and the old node's uuid is then dead): Running and Suspended jobs resume, Waiting ones start,
 * Canceling ones end Canceled; the jobs of a node that is still alive are left alone.
 */
class LongJobTakeoverCase {
    static final String JOB = "APITestLongJobMsg"
    @RegisterExtension
    static final NodeExtension zstack = new NodeExtension()

    static TestNode getNode() { zstack.node }

    static String getSession() { zstack.session }

    DatabaseFacade getDbf() { node.bean(DatabaseFacade) }

    void restart() {
        node.restart()
        zstack.login()
    }

    LongJobInventory query(String uuid) {
        def l = new QueryLongJobAction(conditions: ["uuid=${uuid}".toString()], sessionId: session)
                .call().throwExceptionIfError().value.inventories
        return l.isEmpty() ? null : (LongJobInventory) l[0]
    }

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

    LongJobVO insertJob(LongJobState state, String key, String owner) {
        LongJobVO vo = new LongJobVO()
        vo.uuid = Platform.getUuid()
        vo.name = "left-by-${owner}"
        vo.apiId = Platform.getUuid()
        vo.jobName = JOB
        vo.jobData = JsonOutput.toJson([key: key])
        vo.state = state
        vo.managementNodeUuid = owner
        return dbf.persist(vo)
    }

    @Test
    void aRunningJobIsResumedByTheNextNode() {
        String key = "key-" + Platform.getUuid()
        def a = new SubmitLongJobAction(jobName: JOB, jobData: JsonOutput.toJson([key: key, block: true]), sessionId: session)
        String uuid = a.call().throwExceptionIfError().value.inventory.uuid
        waitFor(uuid, "Running")
        String oldNode = node.node.uuid

        restart()
        assert node.node.uuid != oldNode
        LongJobInventory inv = waitFor(uuid, "Succeeded")
        assert TestLongJob.callsOf(key) == ["start", "resume"]
        assert inv.managementNodeUuid == node.node.uuid
        assert inv.jobResult != null && !new JsonSlurper().parseText(inv.jobResult).containsKey("code")

        // the first run, left waiting in the old node, now ends too late: it must not touch the finished job
        TestLongJob.release(key)
        Thread.sleep(300)
        LongJobInventory after = query(uuid)
        assert after.state == "Succeeded"
        assert after.jobResult == inv.jobResult
        assert after.managementNodeUuid == node.node.uuid
    }

    @Test
    void theUnfinishedJobsOfAGoneNodeAreTakenOverAndThoseOfALiveNodeAreNot() {
        String gone = Platform.getUuid()
        // a node that beats (its heartbeat is fresh when the next node starts): its jobs are its own
        ManagementNodeVO alive = new ManagementNodeVO()
        alive.uuid = Platform.getUuid()
        alive.hostName = "other"
        alive.port = 1
        alive.heartBeat = new Timestamp(System.currentTimeMillis() + 60000)
        dbf.persist(alive)

        Map<String, String> keys = [:].withDefault { "key-" + Platform.getUuid() }
        LongJobVO waiting = insertJob(LongJobState.Waiting, keys.waiting, gone)
        LongJobVO suspended = insertJob(LongJobState.Suspended, keys.suspended, gone)
        LongJobVO canceling = insertJob(LongJobState.Canceling, keys.canceling, gone)
        LongJobVO orphan = insertJob(LongJobState.Waiting, keys.orphan, null)
        LongJobVO others = insertJob(LongJobState.Waiting, keys.others, alive.uuid)
        LongJobVO finished = insertJob(LongJobState.Failed, keys.finished, gone)

        restart()
        String me = node.node.uuid

        LongJobInventory w = waitFor(waiting.uuid, "Succeeded")
        assert TestLongJob.callsOf(keys.waiting) == ["start"]
        assert w.managementNodeUuid == me
        assert waitFor(orphan.uuid, "Succeeded").managementNodeUuid == me
        assert TestLongJob.callsOf(keys.orphan) == ["start"]

        LongJobInventory s = waitFor(suspended.uuid, "Succeeded")
        assert TestLongJob.callsOf(keys.suspended) == ["resume"]
        assert s.managementNodeUuid == me

        // nothing runs a Canceling job any more: it ends Canceled, without running
        waitFor(canceling.uuid, "Canceled")
        assert TestLongJob.callsOf(keys.canceling).isEmpty()

        Thread.sleep(300)
        LongJobInventory o = query(others.uuid)
        assert o.state == "Waiting"
        assert o.managementNodeUuid == alive.uuid
        assert TestLongJob.callsOf(keys.others).isEmpty()
        LongJobInventory f = query(finished.uuid)
        assert f.state == "Failed"
        assert f.managementNodeUuid == gone
        assert TestLongJob.callsOf(keys.finished).isEmpty()

        dbf.removeByPrimaryKey(alive.uuid, ManagementNodeVO)
    }
}
