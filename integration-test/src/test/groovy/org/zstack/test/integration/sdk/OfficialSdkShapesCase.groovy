package org.zstack.test.integration.sdk

import groovy.json.JsonOutput
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.core.Platform
import org.zstack.core.db.DatabaseFacade
import org.zstack.header.identity.AccountConstant
import org.zstack.header.longjob.LongJobState
import org.zstack.header.longjob.LongJobVO
import org.zstack.sdk.*
import org.zstack.test.integration.host.HostEnv
import org.zstack.testlib.HttpResult
import org.zstack.testlib.longjob.TestLongJob
import org.zstack.testlib.vsphere.VCenterSimulator

import java.nio.file.Files

import static org.zstack.test.integration.kernel.RestCaseSupport.*

/**
 * What ZStack's official Java SDK (5.2.0) reads, checked on the raw answers (the official jar is not available
 * here) and through the generated SDK: SyncVCenter, CancelLongJob and CleanV2VConversionCache answer no inventory
 * (the official result classes have no field, and a schema naming one makes that SDK throw); a vCenter cluster
 * says dataCenterUuid; QueryAccessKey's schema names org.zstack.accessKey.AccessKeyInventory; CleanLongJob and
 * UpdateLongJob exist with ZStack's contract; QueryVCenterBackupStorage is refused with a ZStack error, not
 * answered empty.
 */
class OfficialSdkShapesCase {
    static final String JOB = "APITestLongJobMsg"
    static HostEnv env
    static VCenterSimulator vc
    static HostInventory host

    @BeforeAll
    static void boot() {
        env = new HostEnv()
        env.agent("127.0.0.41")
        host = env.addHost("127.0.0.41")
        vc = VCenterSimulator.start([datacenters: 1, vmsPerDatacenter: 1])
    }

    @AfterAll
    static void shutdown() {
        vc?.stop()
        env?.stop()
    }

    private static HttpResult action(String path, String name, Map params = [:]) {
        HttpResult r = callAndPoll(env.node, env.session, "PUT", path, [(name): params])
        assert r.status == 200: r.toString()
        return r
    }

    @Test
    void syncVCenterAnswersNoInventoryAndAClusterSaysDataCenterUuid() {
        def added = new AddVCenterAction(name: "vc-shapes", domainName: vc.host, port: vc.port, username: vc.username,
                password: vc.password, zoneUuid: env.zone.uuid, sessionId: env.session).call().throwExceptionIfError().value.inventory
        HttpResult synced = action("/v1/vcenters/${added.uuid}/actions", "syncVCenter")
        assert synced.json == [:]: synced.text
        assert new SyncVCenterAction(uuid: added.uuid, sessionId: env.session).call().error == null

        HttpResult clusters = env.node.http("GET", "/v1/vcenters/clusters?q=vCenterUuid=${added.uuid}", null, oauth(env.session))
        assert clusters.status == 200: clusters.toString()
        Map c = clusters.json.inventories[0]
        assert c.dataCenterUuid ==~ /[0-9a-f]{32}/ && !c.containsKey("datacenterUuid"): c
        def typed = new QueryVCenterClusterAction(conditions: ["dataCenterUuid=${c.dataCenterUuid}".toString()], sessionId: env.session)
                .call().throwExceptionIfError().value.inventories
        assert typed*.uuid.contains(c.uuid)
        assert (typed[0] as VCenterClusterInventory).dataCenterUuid == c.dataCenterUuid
    }

    @Test
    void cleanV2VConversionCacheAnswersNoInventory() {
        def ch = new AddV2VConversionHostAction(name: "ch-shapes", type: "KVM", hostUuid: host.uuid,
                storagePath: Files.createTempDirectory("v2v-shapes").toString(), sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
        HttpResult cleaned = action("/v1/v2v/conversion/host/${ch.uuid}/actions", "cleanV2VConversionCache")
        assert cleaned.json == [:]: cleaned.text
        assert new CleanV2VConversionCacheAction(uuid: ch.uuid, sessionId: env.session).call().error == null
        new DeleteV2VConversionHostAction(uuid: ch.uuid, sessionId: env.session).call().throwExceptionIfError()
    }

    private static LongJobInventory submit(Map data) {
        return new SubmitLongJobAction(jobName: JOB, jobData: JsonOutput.toJson(data), sessionId: env.session)
                .call().throwExceptionIfError().value.inventory
    }

    private static LongJobInventory job(String uuid) {
        return new QueryLongJobAction(conditions: ["uuid=${uuid}".toString()], sessionId: env.session)
                .call().throwExceptionIfError().value.inventories[0] as LongJobInventory
    }

    private static LongJobInventory waitFor(String uuid, String state) {
        long deadline = System.currentTimeMillis() + 30000
        LongJobInventory j
        while ((j = job(uuid)).state != state) {
            assert System.currentTimeMillis() < deadline: "${uuid} is ${j.state}, not ${state}"
            Thread.sleep(20)
        }
        return j
    }

    @Test
    void cancelLongJobAnswersNoInventoryAndUpdateLongJobRenames() {
        String key = "shapes-" + Platform.getUuid()
        String uuid = submit([key: key, block: true]).uuid
        try {
            waitFor(uuid, "Running")
            HttpResult updated = action("/v1/longjobs/${uuid}/actions", "updateLongJob", [name: "renamed", description: "by UpdateLongJob"])
            assert updated.json.inventory.name == "renamed" && updated.json.inventory.description == "by UpdateLongJob"
            assert updated.json.inventory.state == "Running": "an update touches nothing else"
            assert updated.json.schema.inventory == "org.zstack.header.longjob.LongJobInventory"
            def viaSdk = new UpdateLongJobAction(uuid: uuid, description: "again", sessionId: env.session).call().throwExceptionIfError().value.inventory
            assert viaSdk.name == "renamed" && viaSdk.description == "again"

            // a Running job is no case for CleanLongJob
            assert new CleanLongJobAction(uuid: uuid, sessionId: env.session).call().error.code == "LONG_JOB.1004"

            HttpResult canceled = action("/v1/longjobs/${uuid}/actions", "cancelLongJob")
            assert canceled.json == [:]: canceled.text
            waitFor(uuid, "Canceled")
        } finally {
            TestLongJob.release(key)
        }
    }

    @Test
    void cleanLongJobEndsAJobStuckInCancelingCanceled() {
        String key = "stuck-" + Platform.getUuid()
        LongJobVO vo = new LongJobVO(uuid: Platform.getUuid(), name: "stuck", apiId: Platform.getUuid(), jobName: JOB,
                jobData: JsonOutput.toJson([key: key]), state: LongJobState.Canceling, managementNodeUuid: env.node.node.uuid)
        env.node.bean(DatabaseFacade).persist(vo)

        HttpResult cleaned = action("/v1/longjobs/${vo.uuid}/actions", "cleanLongJob")
        assert cleaned.json == [:]: cleaned.text
        assert job(vo.uuid).state == "Canceled"
        assert TestLongJob.callsOf(key) == ["clean"]
        // only from Canceling
        def again = new CleanLongJobAction(uuid: vo.uuid, sessionId: env.session).call()
        assert again.error.code == "LONG_JOB.1004": again.error
    }

    @Test
    void queryAccessKeyNamesZStacksInventoryClass() {
        def created = new CreateAccessKeyAction(accountUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID,
                userUuid: AccountConstant.INITIAL_SYSTEM_ADMIN_UUID, sessionId: env.session).call().throwExceptionIfError().value.inventory
        HttpResult r = env.node.http("GET", "/v1/accesskeys?q=uuid=${created.uuid}", null, oauth(env.session))
        assert r.status == 200: r.toString()
        assert r.json.schema["inventories[0]"] == "org.zstack.accessKey.AccessKeyInventory"
        def typed = new QueryAccessKeyAction(conditions: ["uuid=${created.uuid}".toString()], sessionId: env.session)
                .call().throwExceptionIfError().value.inventories
        assert typed[0] instanceof AccessKeyInventory && typed[0].AccessKeyID == created.AccessKeyID
    }

    @Test
    void queryVCenterBackupStorageIsRefusedWithAZStackError() {
        for (String path : ["/v1/vcenters/backup-storage", "/v1/vcenters/backup-storage?q=name=x&limit=5",
                            "/v1/vcenters/backup-storage/${Platform.getUuid()}"]) {
            HttpResult r = env.node.http("GET", path, null, oauth(env.session))
            Map e = assertError(r, 503, "SYS.1006")
            assert e.details.contains("no backup storage") && e.details.contains("QueryVCenterPrimaryStorage"): e
        }
        def viaSdk = new QueryVCenterBackupStorageAction(sessionId: env.session).call()
        assert viaSdk.error.code == "SYS.1006"
    }
}
