package org.zstack.test.integration.v2v

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.zstack.sdk.CancelLongJobAction
import org.zstack.sdk.CreateV2VTaskAction
import org.zstack.sdk.UpdateV2VConversionHostAction
import org.zstack.sdk.ListVMsFromKVMHostAction
import org.zstack.testlib.guest.GuestSsh
import org.zstack.testlib.kvm.KvmGuestFixture
import org.zstack.testlib.kvm.KvmSourceDomain
import org.zstack.testlib.kvm.SshSourceHost
import org.zstack.testlib.libvirt.Libvirtd

import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern

import static org.zstack.testlib.ApiCalls.ok

/**
 * A KVM platform as the source, end to end with nothing mocked: a "source host" with an sshd of its own on
 * 127.0.0.4 (a key pair made by the test) in front of this machine's libvirtd, whose domains are the Debian test
 * guest as a KVM platform keeps it (a qcow2 overlay on a qcow2 base, two qcow2 data disks on virtio-scsi). The
 * conversion host lists them over qemu+ssh, reads their disks over SSH (qemu-nbd on the source), converts them and
 * the target host boots the result. A running domain is paused for its copy and runs again afterwards, while its
 * conversion works (canceled there, it leaves nothing). Wrong keys,
 * unreachable hosts, malformed URIs, vanished domains, running domains without pauseVm and RBD disks are refused
 * with errors that say which, and change nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class KvmMigrationCase {
    static MigrationEnv env
    static SshSourceHost sourceHost
    static KvmGuestFixture fixture
    static KvmSourceDomain web
    static KvmSourceDomain db

    @BeforeAll
    static void setUp() {
        env = new MigrationEnv(source: "KVM", maxConcurrentJobs: 2, captureLog: true)
        sourceHost = SshSourceHost.start()
        fixture = new KvmGuestFixture(env.work.resolve("kvm-source"), env.image)
        web = fixture.define(name: "v2v-src-web-" + suffix(), dataDisks: 2)
        db = fixture.define(name: "v2v-src-db-" + suffix(), dataDisks: 1)
        db.start()
    }

    static String suffix() {
        return Long.toString(System.nanoTime() & 0xffffff, 36)
    }

    @AfterAll
    static void tearDown() {
        try {
            fixture?.cleanup()
            sourceHost?.stop()
        } finally {
            env?.stop()
        }
    }

    static ListVMsFromKVMHostAction list(String uri = sourceHost.libvirtUri, String key = sourceHost.privateKey) {
        return new ListVMsFromKVMHostAction(libvirtURI: uri, conversionHostUuid: env.conversionHost.uuid,
                sshPrivKey: key, sessionId: env.session)
    }

    static String url(KvmSourceDomain d) {
        return "kvm://${sourceHost.libvirtUri}#${d.uuid}"
    }

    static CreateV2VTaskAction task(Map vm, Map opts = [:]) {
        return new CreateV2VTaskAction([name: "kvm", conversionHostUuid: env.conversionHost.uuid, zoneUuid: env.zone.uuid,
                clusterUuid: env.cluster.uuid, hostUuid: env.targetHost.uuid, primaryStorageUuid: env.ps.uuid,
                sshPrivKey: sourceHost.privateKey, vms: [vm], sessionId: env.session] + opts)
    }

    @Test
    @Order(1)
    void theDomainsOfASourceHostAreListedOverSsh() {
        def r = ok(list())
        assert r.libvirtVersion ==~ /\d+\.\d+\.\d+/
        assert r.qemuVersion ==~ /\d+\.\d+\.\d+/
        assert r.v2vCaps != null && !(r.v2vCaps as Map).isEmpty()
        Map w = r.inventories.find { it.uuid == web.uuid } as Map
        assert w != null: "${web.name} not listed: ${r.inventories*.name}"
        assert w.name == web.name
        assert w.state == "shutoff"
        assert w.cpuNum == 1
        assert w.memorySize == 512L << 20
        assert w.firmware == "bios"
        assert w.virtioReady == false
        List<Map> disks = w.disks as List<Map>
        assert disks.size() == 3
        assert disks[0].index == 0 && disks[0].target == "sda" && disks[0].bus == "scsi"
        assert disks[0].format == "qcow2" && disks[0].path == web.rootDisk.toString()
        assert disks.every { it.supported == true && (it.capacity as long) > 0 }
        assert (w.nics as List<Map>).size() == 1
        assert w.nics[0].mac == web.mac && w.nics[0].networkName == "default" && w.nics[0].model == "virtio"
        Map d = r.inventories.find { it.uuid == db.uuid } as Map
        assert d.state == "running"
    }

    @Test
    @Order(2)
    void badSourcesAreRefusedWithErrorsThatSayWhich() {
        // a key the source host does not know
        Path other = env.work.resolve("other-key")
        def gen = ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()].execute()
        assert gen.waitFor() == 0
        def e = list(sourceHost.libvirtUri, Files.readString(other)).call().error
        assert e?.code == "V2V.1014": e
        assert e.details =~ /(?i)auth|permission denied|publickey/: e.details
        // nobody listens there
        e = list("qemu+ssh://root@127.0.0.5:1/system").call().error
        assert e?.code == "V2V.1014": e
        assert e.details =~ /(?i)unreachable|refused|cannot connect|connect/: e.details
        // URIs that are not a libvirt host's
        ["qemu+ssh:///system", "http://127.0.0.4/system", "qemu+ssh://127.0.0.4/system?command=/bin/sh",
         "qemu+ssh://127.0.0.4/other", "not a uri"].each { String uri ->
            def err = list(uri).call().error
            assert err?.code == "V2V.1013": "${uri}: ${err}"
        }
        // no key for an ssh URI
        assert list(sourceHost.libvirtUri, null).call().error?.code == "V2V.1004"

        // a domain that is not (or no longer) there
        String ghost = UUID.randomUUID().toString()
        e = task([sourceVmUuid: "kvm://${sourceHost.libvirtUri}#${ghost}".toString()]).call().error
        assert e?.code == "V2V.1005" && e.details.contains(ghost): e
        // a running domain needs pauseVm
        e = task([sourceVmUuid: url(db), nics: [[sourceMac: db.mac, l3NetworkUuid: env.l3.uuid]]]).call().error
        assert e?.code == "V2V.1004" && e.details.contains("running") && e.details.contains("pauseVm"): e
        // a disk on RBD cannot be read
        String rbdName = "v2v-src-rbd-" + suffix()
        Path xml = env.work.resolve("rbd.xml")
        Files.writeString(xml, """<domain type='qemu'><name>${rbdName}</name><memory unit='MiB'>128</memory><vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices><disk type='network' device='disk'><driver name='qemu' type='raw'/>
    <source protocol='rbd' name='pool/image'><host name='127.0.0.9' port='6789'/></source>
    <target dev='vda' bus='virtio'/></disk></devices></domain>""")
        Libvirtd.virsh(["define", xml.toString()])
        try {
            String rbdUuid = Libvirtd.virsh(["domuuid", rbdName]).trim()
            e = task([sourceVmUuid: "kvm://${sourceHost.libvirtUri}#${rbdUuid}".toString()]).call().error
            assert e?.code == "V2V.1015" && e.details.contains("rbd"): e
        } finally {
            Libvirtd.virsh(["undefine", rbdName])
        }
        // none of it left anything behind, nor touched the sources
        def tasks = env.node.http("GET", "/v1/v2v-tasks", null, ["Authorization": "OAuth ${env.session}".toString()])
        assert (tasks.json.inventories as List).isEmpty()
        assert web.state() == "shut off"
        assert db.state() == "running"
    }

    @Test
    @Order(3)
    void aShutOffDomainIsMigratedAndAPausedOneRunsAgainWhileConverting() {
        String prefix = env.net.gateway.substring(0, env.net.gateway.lastIndexOf('.') + 1)
        String ip = prefix + "211"
        long begin = System.nanoTime()
        // the shut-off domain: started on the target, with its MAC and a fixed IP
        def webTask = ok(task([sourceVmUuid: url(web), cpuNum: 1, memorySize: 512L << 20,
                                nics: [[sourceMac: web.mac, l3NetworkUuid: env.l3.uuid, ip: ip]]],
                [name: "kvm web", compress: true, strategy: "InstantStart"])).inventory
        // the running domain: paused for its copy, then running again; JustConvert with a new MAC (the source runs on)
        def dbTask = ok(task([sourceVmUuid: url(db), nics: [[sourceMac: db.mac, l3NetworkUuid: env.l3.uuid, keepMac: false]]],
                [name: "kvm db", strategy: "JustConvert", pauseVm: true, sourceVmAfterMigration: "Resume"])).inventory
        assert webTask.jobs[0].sourceVmName == web.name && webTask.jobs[0].targetVmName == web.name + "-迁移"

        // the running domain: followed until its conversion is under way (it must run again by then), then canceled
        // there, which kills virt-v2v and leaves nothing (converting it to the end would cost a second conversion,
        // 3-5 min under TCG, and prove nothing the shut-off domain does not)
        Set<String> dbStates = [] as Set
        Set<String> dbStatesWhileConverting = [] as Set
        String dbJobUuid = dbTask.jobs[0].uuid
        Map dbJob = null
        long convertSeen = 0
        while (true) {
            dbJob = (env.task(dbTask.uuid as String).jobs as List<Map>)[0]
            String state = db.state()
            dbStates << state
            if (dbJob.phase == "convert") {
                dbStatesWhileConverting << state
                convertSeen = convertSeen ?: System.currentTimeMillis()
            }
            assert !(dbJob.state in ["Succeeded", "Failed", "Canceled"]): "the paused migration ended before its conversion was seen: ${dbJob}"
            // a few seconds into virt-v2v, not at its first step
            if (convertSeen && System.currentTimeMillis() - convertSeen > 5000) {
                break
            }
            assert (System.nanoTime() - begin) / 1e9 < 900: "db job not converting: ${dbJob}"
            Thread.sleep(500)
        }
        assert "paused" in dbStates: "the running domain was never seen paused: ${dbStates}"
        // its downtime is the copy: it runs again while the conversion works on the copied disks
        assert dbStatesWhileConverting == ["running"] as Set: "states while converting: ${dbStatesWhileConverting}"
        long asked = System.nanoTime()
        ok(new CancelLongJobAction(uuid: dbJobUuid, sessionId: env.session))
        dbJob = (env.awaitTask(dbTask.uuid as String, 300).jobs as List<Map>)[0]
        println "[KvmMigrationCase] canceled mid-conversion in ${String.format('%.1f', (System.nanoTime() - asked) / 1e9d)} s"
        assert dbJob.state == "Canceled": dbJob
        assert db.state() == "running"
        assert env.vm(dbJob.targetVmUuid as String) == null
        assert !Files.exists(Path.of(env.conversionHost.storagePath).resolve(dbJobUuid))
        String v2v = ""
        for (int i = 0; i < 20; i++) {
            v2v = ["pgrep", "-a", "-f", "virt-v2v.*${dbJobUuid}"].execute().text.trim()
            if (v2v.isEmpty()) {
                break
            }
            Thread.sleep(500)
        }
        assert v2v.isEmpty(): "virt-v2v still runs for the canceled job: ${v2v}"

        Map done = env.awaitTask(webTask.uuid as String, 1500)
        double seconds = (System.nanoTime() - begin) / 1e9d
        Map job = (done.jobs as List<Map>)[0]
        println "[KvmMigrationCase] migrated in ${String.format('%.1f', seconds)} s; phases (s): ${job.phaseTimes};" +
                " bytes read from the source: ${job.bytesTransferred}; paused one until canceled: ${dbJob.phaseTimes}, ${dbJob.bytesTransferred} bytes"
        assert job.state == "Succeeded": "the migration failed: ${job.error}"
        assert job.phaseTimes.keySet().containsAll(["prepare", "transfer", "convert", "deliver", "start"])
        // only what the flattened chain holds was read, not the disks' capacity
        long capacity = 0
        web.diskPaths.each { capacity += (new groovy.json.JsonSlurper().parseText(KvmGuestFixture.qemuImg(["info", "--output=json", it.toString()])) as Map)["virtual-size"] as long }
        long allocated = web.allocatedBytes()
        println "[KvmMigrationCase] read ${job.bytesTransferred} bytes of ${allocated} allocated (capacity ${capacity})"
        assert (job.bytesTransferred as long) <= allocated * 1.05 + (1 << 20)
        assert (job.bytesTransferred as long) < capacity

        def vm = env.vm(job.targetVmUuid as String)
        assert vm.state == "Running" && vm.allVolumes.size() == 3
        assert vm.vmNics.size() == 1 && vm.vmNics[0].mac == web.mac
        assert web.state() == "shut off"
        assert !Files.exists(Path.of(env.conversionHost.storagePath).resolve(job.uuid as String))

        assert Libvirtd.awaitSerial(job.targetVmUuid as String, Pattern.compile(/login:/), 600) != null
        GuestSsh ssh = env.image.ssh(ip)
        ssh.await(300)
        assert ssh.run("cat /etc/zstack-test-guest").output.trim() == env.image.token
        assert ssh.run("ip -o link").output.toLowerCase().contains(web.mac)
        assert ssh.run("ip -o -4 addr").output.contains(ip + "/24")
        web.dataDisks.each { d ->
            def sums = ssh.run(d.checksumCommand())
            assert sums.exitCode == 0: sums
            assert d.parseChecksums(sums.output) == d.checksums
        }
    }

    @Test
    @Order(4)
    void aCanceledMigrationOfAPausedDomainRunsItAgainAndLeavesNothing() {
        // slow enough to cancel mid-copy: 4 MiB/s for the job
        ok(new UpdateV2VConversionHostAction(uuid: env.conversionHost.uuid, systemTags: ["v2v::download::bandwidth::4194304"],
                sessionId: env.session))
        try {
            assert db.state() == "running"
            def t = ok(task([sourceVmUuid: url(db), nics: [[sourceMac: db.mac, l3NetworkUuid: env.l3.uuid, keepMac: false]]],
                    [name: "kvm cancel", strategy: "JustConvert", pauseVm: true])).inventory
            String jobUuid = t.jobs[0].uuid
            long deadline = System.currentTimeMillis() + 120_000
            Map job = env.task(t.uuid as String).jobs[0] as Map
            while (!(job.phase == "transfer" && db.state() == "paused")) {
                assert job.state in ["Waiting", "Running"]: job
                assert System.currentTimeMillis() < deadline: "the transfer did not start: ${job}"
                Thread.sleep(300)
                job = env.task(t.uuid as String).jobs[0] as Map
            }
            Thread.sleep(2000)
            long asked = System.nanoTime()
            ok(new CancelLongJobAction(uuid: jobUuid, sessionId: env.session))
            job = env.awaitTask(t.uuid as String, 120).jobs[0] as Map
            println "[KvmMigrationCase] canceled mid-transfer in ${String.format('%.1f', (System.nanoTime() - asked) / 1e9d)} s"
            assert job.state == "Canceled"
            assert db.state() == "running": "the paused source was not resumed"
            assert env.vm(job.targetVmUuid as String) == null
            assert !Files.exists(Path.of(env.conversionHost.storagePath).resolve(jobUuid))
            // nothing of the copy is left on the source host either: qemu-nbd ended with the ssh session
            // ([q] keeps pgrep from finding the shell that runs it)
            String left = ""
            for (int i = 0; i < 20; i++) {
                def (rc, out, err) = sourceHost.ssh("pgrep -a -f '[q]emu-nbd --read-only' || true")
                left = (out as String).trim()
                if (left.isEmpty()) {
                    break
                }
                Thread.sleep(500)
            }
            assert left.isEmpty(): "qemu-nbd still runs on the source: ${left}"
        } finally {
            ok(new UpdateV2VConversionHostAction(uuid: env.conversionHost.uuid,
                    systemTags: ["v2v::download::bandwidth::4000000000"], sessionId: env.session))
        }
    }

    @Test
    @Order(5)
    void theKeyIsInNoLogAndNoAnswer() {
        // the key's body, line by line: none of it in the node's log lines, the agents' logs or a task's JSON
        List<String> body = sourceHost.privateKey.readLines().findAll { !it.startsWith("-----") && it.length() > 20 }
        assert !body.isEmpty()
        body.each { line ->
            assert env.log.containing(line).isEmpty()
            env.agents.each { a ->
                Files.walk(a.stateDir).withCloseable { s ->
                    s.filter { Files.isRegularFile(it) }.forEach { f -> assert !Files.readString(f).contains(line): "${f} holds the key" }
                }
            }
        }
        def tasks = env.node.http("GET", "/v1/v2v-tasks", null, ["Authorization": "OAuth ${env.session}".toString()])
        assert !tasks.text.contains(body[0])
        assert !tasks.text.contains("sshPrivKey")
    }
}
