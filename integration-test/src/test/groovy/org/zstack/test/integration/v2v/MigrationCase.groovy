package org.zstack.test.integration.v2v

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.CreateV2VTaskAction
import org.zstack.sdk.DeleteV2VTaskAction
import org.zstack.sdk.QueryLongJobAction
import org.zstack.testlib.guest.GuestImage
import org.zstack.testlib.guest.GuestSsh
import org.zstack.testlib.guest.VmwareGuestFixture
import org.zstack.testlib.libvirt.Libvirtd

import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern

import static org.zstack.testlib.ApiCalls.ok

/**
 * The product, end to end, with nothing mocked, two tasks at once on one conversion host that runs at most two jobs:
 * <ul>
 * <li>a VMware-looking Debian guest with two data disks in the vSphere simulator is migrated by CreateV2VTask (NIC
 * mapped by MAC onto an L3 network on libvirt's bridge, with a fixed IP, the source MAC kept, compressed volumes
 * uploaded from the conversion host to the target host), and boots on the target host's libvirtd to a login prompt;
 * over SSH it shows the MAC and address, data checksums equal to the source's, data disks on virtio, and no VMware
 * tools;</li>
 * <li>beside it, the wizard's batch: three VMs in one task, JustConvert (the VMs stay Stopped, no domain), networks
 * mapped by source port group, plain qcow2. One converts for real; two hold no OS and fail in virt-v2v, which
 * neither stops the others nor leaves anything behind, and hands their slot to the next job. Then the finished
 * task is deleted with its jobs.</li>
 * </ul>
 * One case rather than two: a conversion costs 3-5 min under TCG, and the batch's plumbing needs one real
 * conversion, not three (KvmMigrationCase converts two real guests at once).
 */
class MigrationCase {
    static MigrationEnv env
    static final String MAC = VmwareGuestFixture.mac(1)
    static String ip
    static def webTask
    static def batchTask
    static Map webDone
    static Map batchDone
    static double webSeconds
    static double batchSeconds
    static int maxRunning
    static boolean sawWaiting

    /** Submits both tasks and follows them to their end, counting the jobs that run at once. */
    @BeforeAll
    static void setUp() {
        Map blank = [dataDisks: false, disks: [[capacityMB: 64, thin: true]]]
        env = new MigrationEnv(vms: ["web-01"], maxConcurrentJobs: 2, extraVms: [
                [name: "blank-1", opts: blank], [name: "app-1", opts: [dataDisks: false]], [name: "blank-2", opts: blank]])
        String prefix = env.net.gateway.substring(0, env.net.gateway.lastIndexOf('.') + 1)
        ip = prefix + "210"
        long begin = System.nanoTime()
        webTask = ok(new CreateV2VTaskAction(name: "one vm", conversionHostUuid: env.conversionHost.uuid,
                zoneUuid: env.zone.uuid, clusterUuid: env.cluster.uuid, hostUuid: env.targetHost.uuid,
                primaryStorageUuid: env.ps.uuid, compress: true, strategy: "InstantStart",
                vms: [[sourceVmUuid: env.sourceVm("web-01").uuid, cpuNum: 1, memorySize: 512L << 20,
                       nics        : [[sourceMac: MAC, l3NetworkUuid: env.l3.uuid, ip: ip]]]],
                sessionId: env.session)).inventory
        def batch = ["blank-1", "app-1", "blank-2"].collect { [sourceVmUuid: env.sourceVm(it).uuid, memorySize: 256L << 20] }
        batchTask = ok(new CreateV2VTaskAction(name: "batch", conversionHostUuid: env.conversionHost.uuid,
                zoneUuid: env.zone.uuid, primaryStorageUuid: env.ps.uuid, compress: false, strategy: "JustConvert",
                vms: batch, networkMappings: [[sourceNetworkName: "VM Network", l3NetworkUuid: env.l3.uuid]],
                sessionId: env.session)).inventory

        long deadline = System.currentTimeMillis() + 2400_000
        while (webDone == null || batchDone == null) {
            Map w = env.task(webTask.uuid as String)
            Map b = env.task(batchTask.uuid as String)
            List<Map> jobs = (w.jobs as List<Map>) + (b.jobs as List<Map>)
            maxRunning = Math.max(maxRunning, jobs.count { it.state == "Running" && !(it.phase in ["queued", "waiting"]) } as int)
            sawWaiting |= jobs.any { it.state == "Waiting" || it.phase in ["queued", "waiting"] }
            if (webDone == null && ended(w)) {
                webDone = w
                webSeconds = (System.nanoTime() - begin) / 1e9d
            }
            if (batchDone == null && ended(b)) {
                batchDone = b
                batchSeconds = (System.nanoTime() - begin) / 1e9d
            }
            assert System.currentTimeMillis() < deadline: "tasks not done: ${w}; ${b}"
            Thread.sleep(1000)
        }
        println "[MigrationCase] both tasks ended in ${String.format('%.1f', Math.max(webSeconds, batchSeconds))} s, " +
                "at most ${maxRunning} jobs at once"
    }

    static boolean ended(Map task) {
        return (task.jobs as List<Map>).every { it.state in ["Succeeded", "Failed", "Canceled"] }
    }

    @AfterAll
    static void tearDown() {
        env?.stop()
    }

    @Test
    void aVMwareGuestIsMigratedAndBootsOnTheTargetWithItsDataAndNetwork() {
        String mac = MAC
        assert webTask.jobs.size() == 1
        assert webTask.jobs[0].sourceVmName == "web-01"
        assert webTask.jobs[0].targetVmName == "web-01-迁移"
        Map done = webDone
        double seconds = webSeconds
        Map job = (done.jobs as List<Map>)[0]
        println "[MigrationCase] migrated in ${String.format('%.1f', seconds)} s; phases (s): ${job.phaseTimes}; " +
                "bytes read from the source: ${job.bytesTransferred}; duration ${job.duration} s"
        assert job.state == "Succeeded": "the migration failed: ${job.error}"
        assert job.progress == 100
        assert job.platform == "Linux"
        assert job.startDate != null && job.endDate != null
        assert job.phaseTimes.keySet().containsAll(["prepare", "transfer", "convert", "deliver", "start"])

        def vm = env.vm(job.targetVmUuid as String)
        assert vm.state == "Running"
        assert vm.hostUuid == env.targetHost.uuid
        assert vm.allVolumes.size() == 3
        assert vm.vmNics.size() == 1 && vm.vmNics[0].mac == mac
        vm.allVolumes.each {
            assert it.status == "Ready"
            assert Files.isRegularFile(Path.of(it.installPath)): it.installPath
        }
        // the cache of the conversion host holds nothing of the job any more (logs aside)
        Path cache = Path.of(env.conversionHost.storagePath)
        assert !Files.exists(cache.resolve(job.uuid as String))

        String domain = job.targetVmUuid
        String login = Libvirtd.awaitSerial(domain, Pattern.compile(/login:/), 600)
        assert login != null
        GuestSsh ssh = env.image.ssh(ip)
        double sshSeconds = ssh.await(300)
        println "[MigrationCase] ssh answered ${String.format('%.1f', sshSeconds)} s after the login prompt"
        assert ssh.run("cat /etc/zstack-test-guest").output.trim() == env.image.token
        String links = ssh.run("ip -o link").output
        assert links.toLowerCase().contains(mac): links
        assert ssh.run("ip -o -4 addr").output.contains(ip + "/24")
        env.image.dataDisks.each { d ->
            def sums = ssh.run(d.checksumCommand())
            assert sums.exitCode == 0: sums
            assert d.parseChecksums(sums.output) == d.checksums
        }
        def tools = ssh.run("dpkg-query -W -f='\${Status}' open-vm-tools 2>/dev/null | grep -q 'install ok installed'")
        assert tools.exitCode != 0: "open-vm-tools is still installed"
        assert ssh.run("findmnt -n -o SOURCE /").output.trim() ==~ /\/dev\/vda1|UUID=.*/
        // virt-v2v renamed the data disks in fstab (sdb, sdc on the source)
        assert ssh.run("findmnt -n -o SOURCE ${GuestImage.DATA_MOUNT_POINT}").output.trim() ==~ /\/dev\/vd[b-c]1?|UUID=.*/
    }

    @Test
    void aBatchRunsAtMostTwoJobsAtOnceAndItsFailuresStopNothing() {
        assert batchTask.jobs*.sourceVmName == ["blank-1", "app-1", "blank-2"]
        List<Map> jobs = batchDone.jobs as List<Map>
        println "[MigrationCase] batch of 3 in ${String.format('%.1f', batchSeconds)} s; " +
                jobs.collect { "${it.sourceVmName}: ${it.state} in ${it.duration} s ${it.phaseTimes}" }.join("; ")
        assert maxRunning <= 2
        assert sawWaiting: "with four jobs and two slots, one should have waited"

        Map app = jobs.find { it.sourceVmName == "app-1" }
        assert app.state == "Succeeded": "app-1: ${app.error}"
        def vm = env.vm(app.targetVmUuid as String)
        assert vm.state == "Stopped"
        assert vm.name == "app-1-迁移"
        assert vm.vmNics.size() == 1 && vm.vmNics[0].l3NetworkUuid == env.l3.uuid
        assert vm.allVolumes.size() == 1
        Map info = new groovy.json.JsonSlurper().parseText(GuestImage.run(["qemu-img", "info", "--output=json",
                vm.allVolumes[0].installPath], 60)) as Map
        assert info.format == "qcow2"
        assert info["virtual-size"] == env.image.rootVirtualSize
        assert !Libvirtd.domains().contains(app.targetVmUuid): "JustConvert defines no domain"

        jobs.findAll { it.sourceVmName != "app-1" }.each { Map blank ->
            assert blank.state == "Failed": blank
            assert (blank.error as String).contains("virt-v2v"): blank.error
            assert env.vm(blank.targetVmUuid as String) == null
        }
        jobs.each { assert !Files.exists(Path.of(env.conversionHost.storagePath).resolve(it.uuid as String)) }

        ok(new DeleteV2VTaskAction(uuid: batchTask.uuid, sessionId: env.session))
        assert ok(new QueryLongJobAction(conditions: ["uuid?=${jobs*.uuid.join(',')}".toString()],
                sessionId: env.session)).inventories.isEmpty()
    }
}
