package org.zstack.test.integration.v2v

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.CreateV2VTaskAction
import org.zstack.testlib.guest.GuestSsh
import org.zstack.testlib.guest.VmwareGuestFixture
import org.zstack.testlib.libvirt.Libvirtd

import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern

import static org.zstack.test.integration.v2v.MigrationEnv.ok

/**
 * The product, end to end, with nothing mocked: a VMware-looking Debian guest with two data disks in the vSphere
 * simulator is migrated by CreateV2VTask (NIC mapped by MAC onto an L3 network on libvirt's bridge, with a fixed IP,
 * the source MAC kept, compressed volumes uploaded from the conversion host to the target host), and boots on the
 * target host's libvirtd to a login prompt; over SSH it shows the MAC and address, data checksums equal to the
 * source's, and no VMware tools.
 */
class MigrationCase {
    static MigrationEnv env

    @BeforeAll
    static void setUp() {
        env = new MigrationEnv(vms: ["web-01"])
    }

    @AfterAll
    static void tearDown() {
        env?.stop()
    }

    @Test
    void aVMwareGuestIsMigratedAndBootsOnTheTargetWithItsDataAndNetwork() {
        def src = env.sourceVm("web-01")
        String mac = VmwareGuestFixture.mac(1)
        String prefix = env.net.gateway.substring(0, env.net.gateway.lastIndexOf('.') + 1)
        String ip = prefix + "210"
        long begin = System.nanoTime()
        def task = ok(new CreateV2VTaskAction(name: "one vm", conversionHostUuid: env.conversionHost.uuid,
                zoneUuid: env.zone.uuid, clusterUuid: env.cluster.uuid, hostUuid: env.targetHost.uuid,
                primaryStorageUuid: env.ps.uuid, compress: true, strategy: "InstantStart",
                vms: [[sourceVmUuid: src.uuid, cpuNum: 1, memorySize: 512L << 20,
                       nics        : [[sourceMac: mac, l3NetworkUuid: env.l3.uuid, ip: ip]]]],
                sessionId: env.session)).inventory
        assert task.jobs.size() == 1
        assert task.jobs[0].sourceVmName == "web-01"
        assert task.jobs[0].targetVmName == "web-01-迁移"

        Map done = env.awaitTask(task.uuid, 1500)
        double seconds = (System.nanoTime() - begin) / 1e9d
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
    }
}
