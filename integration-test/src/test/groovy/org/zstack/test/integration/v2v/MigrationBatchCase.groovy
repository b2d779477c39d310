package org.zstack.test.integration.v2v

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.CreateV2VTaskAction
import org.zstack.sdk.DeleteV2VTaskAction
import org.zstack.sdk.QueryLongJobAction
import org.zstack.testlib.guest.GuestImage

import java.nio.file.Files
import java.nio.file.Path

import static org.zstack.test.integration.v2v.MigrationEnv.ok

/**
 * The wizard's batch: three VMs in one CreateV2VTask, JustConvert (the VMs stay Stopped, no domain), networks mapped
 * by source port group, plain (uncompressed) qcow2, at most two jobs at once on the conversion host; every job
 * converts for real. Then the finished task is deleted with its jobs.
 */
class MigrationBatchCase {
    static MigrationEnv env

    @BeforeAll
    static void setUp() {
        // the one end-to-end user of the flat export (raw disks with Range); the other cases get streamOptimized
        env = new MigrationEnv(vms: ["app-1", "app-2", "app-3"], vmOptions: [dataDisks: false], maxConcurrentJobs: 2,
                fixture: [exportFormat: "flat"])
    }

    @AfterAll
    static void tearDown() {
        env?.stop()
    }

    @Test
    void threeVmsAreConvertedTwoAtATimeAndLeftStopped() {
        def vms = ["app-1", "app-2", "app-3"].collect { [sourceVmUuid: env.sourceVm(it).uuid, memorySize: 256L << 20] }
        long begin = System.nanoTime()
        def task = ok(new CreateV2VTaskAction(name: "batch", conversionHostUuid: env.conversionHost.uuid,
                zoneUuid: env.zone.uuid, primaryStorageUuid: env.ps.uuid, compress: false, strategy: "JustConvert",
                vms: vms, networkMappings: [[sourceNetworkName: "VM Network", l3NetworkUuid: env.l3.uuid]],
                sessionId: env.session)).inventory
        assert task.jobs*.sourceVmName == ["app-1", "app-2", "app-3"]

        int maxRunning = 0
        long deadline = System.currentTimeMillis() + 2400_000
        Map t = env.task(task.uuid)
        while ((t.jobs as List<Map>).any { !(it.state in ["Succeeded", "Failed", "Canceled"]) }) {
            int running = (t.jobs as List<Map>).count { it.state == "Running" && !(it.phase in ["queued", "waiting"]) } as int
            maxRunning = Math.max(maxRunning, running)
            assert System.currentTimeMillis() < deadline: "batch not done: ${t}"
            Thread.sleep(1000)
            t = env.task(task.uuid)
        }
        println "[MigrationBatchCase] 3 VMs in ${String.format('%.1f', (System.nanoTime() - begin) / 1e9d)} s, at most ${maxRunning} at once; " +
                (t.jobs as List<Map>).collect { "${it.sourceVmName}: ${it.duration} s ${it.phaseTimes}" }.join("; ")
        (t.jobs as List<Map>).each { assert it.state == "Succeeded": "${it.sourceVmName}: ${it.error}" }
        assert maxRunning <= 2

        (t.jobs as List<Map>).each { Map job ->
            def vm = env.vm(job.targetVmUuid as String)
            assert vm.state == "Stopped"
            assert vm.name == "${job.sourceVmName}-迁移"
            assert vm.vmNics.size() == 1 && vm.vmNics[0].l3NetworkUuid == env.l3.uuid
            assert vm.allVolumes.size() == 1
            Path root = Path.of(vm.allVolumes[0].installPath)
            Map info = new groovy.json.JsonSlurper().parseText(GuestImage.run(["qemu-img", "info", "--output=json", root.toString()], 60)) as Map
            assert info.format == "qcow2"
            assert info["virtual-size"] == env.image.rootVirtualSize
            assert !Files.exists(Path.of(env.conversionHost.storagePath).resolve(job.uuid as String))
        }
        assert org.zstack.testlib.libvirt.Libvirtd.domains().intersect((t.jobs as List<Map>)*.targetVmUuid).isEmpty():
                "JustConvert defines no domain"

        ok(new DeleteV2VTaskAction(uuid: task.uuid, sessionId: env.session))
        assert ok(new QueryLongJobAction(conditions: ["uuid?=${(t.jobs as List<Map>)*.uuid.join(',')}".toString()],
                sessionId: env.session)).inventories.isEmpty()
    }
}
