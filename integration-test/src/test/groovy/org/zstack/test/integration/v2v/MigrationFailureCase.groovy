package org.zstack.test.integration.v2v

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.CancelLongJobAction
import org.zstack.sdk.ChangeV2VConversionHostStateAction
import org.zstack.sdk.ConvertVmFromForeignHypervisorAction
import org.zstack.sdk.CreateV2VTaskAction
import org.zstack.sdk.LongJobInventory
import org.zstack.sdk.QueryLongJobAction
import org.zstack.sdk.QueryVmInstanceAction
import org.zstack.sdk.RerunLongJobAction

import java.nio.file.Files
import java.nio.file.Path

import static org.zstack.testlib.ApiCalls.ok

/**
 * What goes wrong: requests refused before anything starts (each error names the VM and the field, nothing is
 * created); a migration canceled mid-transfer (nothing left on the conversion host, the primary storage or in the
 * database, the export lease aborted); a VM whose disk holds no OS (virt-v2v fails, everything rolls back, the error
 * references the kept conversion log). The source VMs are never changed.
 */
class MigrationFailureCase {
    static MigrationEnv env

    @BeforeAll
    static void setUp() {
        // 4 MiB/s into the conversion host: the copy of the root disk takes long enough to be canceled in the middle
        env = new MigrationEnv(vms: ["slow-1"], vmOptions: [dataDisks: false],
                extraVms: [[name: "blank-1", opts: [dataDisks: false, mac: "00:50:56:3f:5b:01",
                                                    disks: [[capacityMB: 64, thin: true]]]]],
                conversionHostTags: ["v2v::download::bandwidth::4194304"],
                // the one VMware case on the flat export (raw disks with Range), which the other cases no longer use
                fixture: [exportFormat: "flat"])
    }

    @AfterAll
    static void tearDown() {
        env?.stop()
    }

    private Map vmSpec(String name, Map extra = [:]) {
        return [sourceVmUuid: env.sourceVm(name).uuid, memorySize: 256L << 20] + extra
    }

    private def createTask(List vms, Map extra = [:]) {
        return new CreateV2VTaskAction([name: "t", conversionHostUuid: env.conversionHost.uuid, zoneUuid: env.zone.uuid,
                                        primaryStorageUuid: env.ps.uuid, vms: vms, sessionId: env.session] + extra).call()
    }

    private int vmCount() {
        return ok(new QueryVmInstanceAction(conditions: ["hypervisorType=KVM"], sessionId: env.session)).inventories.size()
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingStarts() {
        String l3 = env.l3.uuid
        String prefix = env.net.gateway.substring(0, env.net.gateway.lastIndexOf('.') + 1)
        def tooMany = createTask((1..51).collect { vmSpec("slow-1") })
        assert tooMany.error.code == "V2V.1004" && tooMany.error.details.contains("at most 50")

        def unknown = createTask([[sourceVmUuid: "0123456789abcdef0123456789abcdef"]])
        assert unknown.error != null && unknown.error.details.contains("0123456789abcdef0123456789abcdef")

        def unmapped = createTask([vmSpec("slow-1")])
        assert unmapped.error.code == "V2V.1004" && unmapped.error.details.contains("slow-1")
        assert unmapped.error.details.contains("mapped to no L3 network")

        def outside = createTask([vmSpec("slow-1", [nics: [[sourceMac: "00:50:56:3f:5a:01", l3NetworkUuid: l3, ip: "10.9.9.9"]]])])
        assert outside.error.code == "V2V.1004" && outside.error.details.contains("10.9.9.9")
        assert outside.error.details.contains("slow-1")

        def gateway = createTask([vmSpec("slow-1", [nics: [[sourceMac: "00:50:56:3f:5a:01", l3NetworkUuid: l3, ip: env.net.gateway]]])])
        assert gateway.error.code == "V2V.1004"

        def dupMac = createTask([vmSpec("slow-1", [nics: [[sourceMac: "00:50:56:3f:5a:01", l3NetworkUuid: l3, mac: "52:54:00:00:00:01"]]]),
                                 vmSpec("blank-1", [nics: [[sourceMac: "00:50:56:3f:5b:01", l3NetworkUuid: l3, mac: "52:54:00:00:00:01"]]])])
        assert dupMac.error.code == "V2V.1004" && dupMac.error.details.contains("blank-1")
        assert dupMac.error.details.contains("52:54:00:00:00:01")

        def dupIp = createTask([vmSpec("slow-1", [nics: [[sourceMac: "00:50:56:3f:5a:01", l3NetworkUuid: l3, ip: prefix + "201"]]]),
                                vmSpec("blank-1", [nics: [[sourceMac: "00:50:56:3f:5b:01", l3NetworkUuid: l3, ip: prefix + "201"]]])])
        assert dupIp.error.code == "V2V.1004" && dupIp.error.details.contains(prefix + "201")

        def badUrl = new ConvertVmFromForeignHypervisorAction(url: "no-scheme", name: "x", cpuNum: 1, memorySize: 256L << 20,
                primaryStorageUuid: env.ps.uuid, l3NetworkUuids: [l3], sessionId: env.session).call()
        assert badUrl.error.code == "V2V.1004" && badUrl.error.details.contains("vmware://")

        ok(new ChangeV2VConversionHostStateAction(uuid: env.conversionHost.uuid, stateEvent: "disable", sessionId: env.session))
        try {
            def disabled = createTask([vmSpec("slow-1")], [networkMappings: [[sourceNetworkName: "VM Network", l3NetworkUuid: l3]]])
            assert disabled.error.code == "V2V.1000" && disabled.error.details.contains("Disabled")
        } finally {
            ok(new ChangeV2VConversionHostStateAction(uuid: env.conversionHost.uuid, stateEvent: "enable", sessionId: env.session))
        }
        assert vmCount() == 0
        assert env.node.http("GET", "/v1/v2v-tasks", null, ["Authorization": "OAuth ${env.session}".toString()]).json.inventories.isEmpty()
    }

    @Test
    void aMigrationCanceledMidTransferLeavesNothingBehind() {
        def task = ok(new CreateV2VTaskAction(name: "to cancel", conversionHostUuid: env.conversionHost.uuid,
                zoneUuid: env.zone.uuid, primaryStorageUuid: env.ps.uuid, vms: [vmSpec("slow-1")],
                networkMappings: [[sourceNetworkName: "VM Network", l3NetworkUuid: env.l3.uuid]], sessionId: env.session)).inventory
        String jobUuid = task.jobs[0].uuid
        long deadline = System.currentTimeMillis() + 120_000
        Map job = env.task(task.uuid).jobs[0] as Map
        while (!(job.phase == "transfer" && (job.progress ?: 0) > 5)) {
            assert job.state in ["Waiting", "Running"]: job
            assert System.currentTimeMillis() < deadline: "the transfer did not start: ${job}"
            Thread.sleep(500)
            job = env.task(task.uuid).jobs[0] as Map
        }
        // the same VM cannot be submitted twice while its migration runs
        def again = createTask([vmSpec("slow-1")], [networkMappings: [[sourceNetworkName: "VM Network", l3NetworkUuid: env.l3.uuid]]])
        assert again.error.code == "V2V.1006" && again.error.details.contains("slow-1")

        long asked = System.nanoTime()
        ok(new CancelLongJobAction(uuid: jobUuid, sessionId: env.session))
        job = env.awaitTask(task.uuid, 120).jobs[0] as Map
        println "[MigrationFailureCase] canceled mid-transfer in ${String.format('%.1f', (System.nanoTime() - asked) / 1e9d)} s"
        assert job.state == "Canceled"
        assert env.vm(job.targetVmUuid as String) == null
        assert !Files.exists(Path.of(env.conversionHost.storagePath).resolve(jobUuid))
        assert volumeFiles().isEmpty()
        assert env.vc.vm("slow-1").powerState == "poweredOff"
    }

    @Test
    void aFailingConversionRollsBackAndReferencesItsLog() {
        def task = ok(new CreateV2VTaskAction(name: "no os", conversionHostUuid: env.conversionHost.uuid,
                zoneUuid: env.zone.uuid, primaryStorageUuid: env.ps.uuid, vms: [vmSpec("blank-1")],
                networkMappings: [[sourceNetworkName: "VM Network", l3NetworkUuid: env.l3.uuid]], sessionId: env.session)).inventory
        Map job = env.awaitTask(task.uuid, 900).jobs[0] as Map
        println "[MigrationFailureCase] failed conversion: ${job.error} (${job.duration} s)"
        assert job.state == "Failed"
        assert job.error.contains("virt-v2v")
        assert job.logPath != null && job.error.contains(job.logPath as String)
        assert Files.isRegularFile(Path.of(job.logPath as String)): "the conversion log is kept"
        assert env.vm(job.targetVmUuid as String) == null
        assert !Files.exists(Path.of(env.conversionHost.storagePath).resolve(job.uuid as String))
        assert volumeFiles().isEmpty()
        assert env.vc.vm("blank-1").powerState == "poweredOff"
    }

    /** ZStack's published one-VM API runs the same job; a failed job reruns from the start (and fails again here). */
    @Test
    void thePublishedApiRunsTheSameJobAndAFailedJobReruns() {
        def src = env.sourceVm("blank-1")
        LongJobInventory job = ok(new ConvertVmFromForeignHypervisorAction(url: "vmware://${src.uuid}".toString(),
                name: "blank-target", cpuNum: 1, memorySize: 256L << 20, conversionHostUuid: env.conversionHost.uuid,
                primaryStorageUuid: env.ps.uuid, l3NetworkUuids: [env.l3.uuid], strategy: "JustConvert",
                sessionId: env.session)).inventory
        assert job.jobName == "APIConvertVmFromForeignHypervisorMsg"
        LongJobInventory first = awaitJob(job.uuid, 900)
        assert first.state == "Failed"
        assert first.jobResult.contains("inspection could not detect the source guest")
        Path log = Path.of(env.conversionHost.storagePath, "logs", job.uuid, "virt-v2v.log")
        assert first.jobResult.contains(log.toString()) && Files.isRegularFile(log)

        long firstLog = Files.getLastModifiedTime(log).toMillis()
        ok(new RerunLongJobAction(uuid: job.uuid, sessionId: env.session))
        LongJobInventory second = awaitJob(job.uuid, 900)
        assert second.state == "Failed"
        assert second.apiId != first.apiId
        assert Files.getLastModifiedTime(log).toMillis() > firstLog: "the rerun converted again"
        assert vmCount() == 0
        assert volumeFiles().isEmpty()
        assert !Files.exists(Path.of(env.conversionHost.storagePath).resolve(job.uuid))
    }

    private LongJobInventory awaitJob(String uuid, long timeoutSeconds) {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000
        while (true) {
            LongJobInventory j = ok(new QueryLongJobAction(conditions: ["uuid=${uuid}".toString()], sessionId: env.session))
                    .inventories[0] as LongJobInventory
            if (j.state in ["Succeeded", "Failed", "Canceled"]) {
                return j
            }
            assert System.currentTimeMillis() < deadline: "long job ${uuid} still ${j.state}"
            Thread.sleep(1000)
        }
    }

    private List<Path> volumeFiles() {
        Path dir = Path.of(env.ps.url)
        if (!Files.exists(dir)) {
            return []
        }
        return Files.walk(dir).withCloseable { s -> s.filter { Files.isRegularFile(it) && it.toString().endsWith(".qcow2") }.toList() }
    }
}
