package org.zstack.test.integration.kvm

import org.junit.jupiter.api.Test
import org.w3c.dom.Document
import org.w3c.dom.Element
import org.zstack.testlib.kvm.KvmGuestFixture
import org.zstack.testlib.kvm.KvmSourceDomain
import org.zstack.testlib.kvm.SshSourceHost
import org.zstack.testlib.libvirt.Libvirtd

import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPath
import javax.xml.xpath.XPathConstants
import javax.xml.xpath.XPathFactory
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

import groovy.json.JsonSlurper

/**
 * The KVM source of the migration cases without the migration: an {@link SshSourceHost} (an sshd of the test's own
 * on 127.0.0.4, a key pair of its own) in front of this machine's libvirtd, and a {@link KvmGuestFixture} domain
 * of the test guest — visible through {@code qemu+ssh://} with the key, its disks on virtio-scsi, the root disk a
 * qcow2 overlay with a backing file — that starts paused, pauses, resumes and goes away again with its files. A key
 * the sshd does not know is refused.
 */
class KvmSourceFixtureCase {
    /** a port of this case's own, so that it never shares an sshd with the migration cases (2222) */
    static final int PORT = 2229

    static String secs(long begin) { String.format('%.1f', (System.nanoTime() - begin) / 1e9d) }

    static Document parse(String xml) {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
    }

    @Test
    void aDomainOfTheGuestIsSeenAndDrivenThroughTheSshSourceHost() {
        long begin = System.nanoTime()
        SshSourceHost host = SshSourceHost.start("127.0.0.4", PORT)
        println "[KvmSourceFixtureCase] ${host} up in ${secs(begin)} s"
        Path workDir = Files.createTempDirectory("kvm-source-fixture")
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"))
        KvmGuestFixture fixture = null
        try {
            assert host.libvirtUri == "qemu+ssh://root@127.0.0.4:${PORT}/system".toString()
            assert host.privateKey.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----")
            def (int rc, String out, String err) = host.ssh("id -u; cat /run/sshd.pid 2>/dev/null; echo \$SSH_CONNECTION")
            assert rc == 0: err
            assert out.readLines()[0] == "0"
            assert out.contains(" 127.0.0.4 ${PORT}"): "the session came in through the test's sshd: ${out}"

            // a second start finds the running sshd and keeps its keys
            String pid = Files.readString(host.dir.resolve("sshd.pid")).trim()
            SshSourceHost again = SshSourceHost.start("127.0.0.4", PORT)
            assert Files.readString(host.dir.resolve("sshd.pid")).trim() == pid
            assert again.privateKey == host.privateKey

            // a key the sshd does not know: ssh itself fails (255), and so does libvirt's ssh transport
            Path wrong = workDir.resolve("wrong_ed25519")
            assert Libvirtd.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrong.toString()], 30).exitCode == 0
            def (int wrc, String wout, String werr) = host.ssh("true", wrong, 30)
            assert wrc == 255
            assert werr.contains("Permission denied"): werr
            Libvirtd.Result wv = Libvirtd.run(["virsh", "-c", host.virshUri(wrong), "list", "--all"], 60)
            assert wv.exitCode != 0
            assert wv.output.contains("Permission denied") || wv.output.contains("authentication"): wv.output

            long t = System.nanoTime()
            fixture = new KvmGuestFixture(workDir)
            KvmSourceDomain vm = fixture.define(dataDisks: 2)
            println "[KvmSourceFixtureCase] defined ${vm} in ${secs(t)} s"
            assert vm.name.startsWith(KvmGuestFixture.NAME_PREFIX)
            assert vm.mac ==~ /52:54:00(:[0-9a-f]{2}){3}/
            assert fixture.domains == [vm]
            assert vm.state() == "shut off"

            // the domain as the conversion host's agent sees it: through qemu+ssh with the key
            def (int lrc, String names, String lerr) = host.virsh(["list", "--all", "--name"])
            assert lrc == 0: lerr
            assert names.readLines()*.trim().contains(vm.name)
            def (int xrc, String xml, String xerr) = host.virsh(["dumpxml", vm.name])
            assert xrc == 0: xerr
            Document doc = parse(xml)
            XPath xp = XPathFactory.newInstance().newXPath()
            assert xp.evaluate("/domain/@type", doc) == "qemu"
            assert xp.evaluate("/domain/uuid", doc) == vm.uuid
            assert xp.evaluate("/domain/os/type/@machine", doc).startsWith("pc")
            assert xp.evaluate("/domain/devices/controller[@type='scsi']/@model", doc) == "virtio-scsi"
            def disks = xp.evaluate("/domain/devices/disk[@device='disk']", doc, XPathConstants.NODESET)
            assert disks.length == 3
            (0..<disks.length).each { i ->
                Element d = disks.item(i) as Element
                assert xp.evaluate("target/@bus", d) == "scsi"
                assert xp.evaluate("target/@dev", d) == ["sda", "sdb", "sdc"][i]
                assert xp.evaluate("driver/@type", d) == "qcow2"
                assert xp.evaluate("source/@file", d) == vm.diskPaths[i].toString()
            }
            assert xp.evaluate("/domain/devices/interface[@type='network']/mac/@address", doc) == vm.mac
            assert xp.evaluate("/domain/devices/interface/source/@network", doc) == "default"
            assert xp.evaluate("/domain/devices/interface/model/@type", doc) == "virtio"

            // the root disk, read over the same ssh: a qcow2 overlay on a qcow2 base holding the disk's first MiBs
            def (int irc, String info, String ierr) = host.ssh("qemu-img info -U --output=json '${vm.rootDisk}'")
            assert irc == 0: ierr
            Map rootInfo = new JsonSlurper().parseText(info) as Map
            assert rootInfo.format == "qcow2"
            assert rootInfo["backing-filename"] == vm.baseDisk.toString()
            assert rootInfo["backing-filename-format"] == "qcow2"
            assert rootInfo["virtual-size"] == fixture.image.rootVirtualSize
            List<Map> map = new JsonSlurper().parseText(KvmGuestFixture.qemuImg(["map", "-U", "--output=json", vm.rootDisk.toString()])) as List<Map>
            Map head = map.find { (it.start as long) == 0L }
            assert head.data && head.depth == 0 && (head.length as long) >= KvmGuestFixture.OVERLAY_BYTES: "the overlay holds the disk's start: ${head}"
            assert map.any { it.data && it.depth == 1 }: "the rest comes from the base"
            List<Map> baseMap = new JsonSlurper().parseText(KvmGuestFixture.qemuImg(["map", "-U", "--output=json", vm.baseDisk.toString()])) as List<Map>
            assert !baseMap.find { (it.start as long) == 0L }.data: "the base has no data at the disk's start"
            vm.dataDiskPaths.each { assert KvmSourceDomain.info(it).format == "qcow2" && !KvmSourceDomain.info(it)["backing-filename"] }
            long allocated = vm.allocatedBytes()
            long virtual = vm.virtualBytes()
            println "[KvmSourceFixtureCase] allocated ${allocated >> 20} MiB of ${virtual >> 20} MiB virtual"
            assert allocated > 300L * 1024 * 1024 && allocated < virtual
            assert vm.dataDisks*.mountPoint == ["/data", "/data2"]
            assert vm.dataDisks.every { it.checksums.size() > 1 }

            // qemu really runs it (as libvirt-qemu, reading the files of the work dir), paused, then running
            t = System.nanoTime()
            vm.startPaused()
            assert vm.state() == "paused"
            def (int src, String st) = host.virsh(["domstate", vm.name])
            assert src == 0 && st.trim() == "paused"
            vm.resume()
            assert vm.state() == "running"
            vm.pause()
            assert vm.state() == "paused"
            vm.resume()
            assert vm.state() == "running"
            vm.destroy()
            assert vm.state() == "shut off"
            println "[KvmSourceFixtureCase] start paused, pause/resume, destroy: ${secs(t)} s"
            vm.destroy()   // again: nothing to do

            // the other buses: virtio-blk (vda) with no data disk, SATA (sda, sdb); same base
            KvmSourceDomain blk = fixture.define(dataDisks: 0, bus: "virtio")
            Document blkXml = parse(blk.dumpXml())
            assert xp.evaluate("count(/domain/devices/disk)", blkXml) == "1"
            assert xp.evaluate("/domain/devices/disk/target/@dev", blkXml) == "vda"
            assert xp.evaluate("/domain/devices/disk/target/@bus", blkXml) == "virtio"
            KvmSourceDomain sata = fixture.define(dataDisks: 1, bus: "sata", mac: "52:54:00:5a:00:01")
            assert sata.mac == "52:54:00:5a:00:01" && sata.targetDevs == ["sda", "sdb"]
            assert parse(sata.dumpXml()).with { d -> xp.evaluate("/domain/devices/disk[2]/target/@bus", d) } == "sata"
            assert blk.baseDisk == vm.baseDisk && sata.baseDisk == vm.baseDisk
            assert fixture.domains.size() == 3

            fixture.cleanup()
            assert fixture.domains.isEmpty()
            assert Libvirtd.domains().findAll { it in [vm.name, blk.name, sata.name] }.isEmpty()
            assert !Files.exists(vm.dir) && !Files.exists(blk.dir) && !Files.exists(sata.dir)
            assert !Files.exists(vm.baseDisk)
        } finally {
            fixture?.cleanup()
            host.stop()
            workDir.toFile().deleteDir()
        }
        assert !host.running
        def (int drc) = host.ssh("true", host.privateKeyPath, 30)
        assert drc == 255: "the sshd is gone"
        println "[KvmSourceFixtureCase] all in ${secs(begin)} s"
    }

    /**
     * The flattened chain boots: on a VMware paravirtual SCSI controller (the guest has no virtio drivers) the guest
     * comes up to its login prompt — its MBR, grub and root file system's start come from the overlay, the rest from
     * the base.
     */
    @Test
    void onPvscsiTheGuestBootsFromTheOverlayAndItsBase() {
        Path workDir = Files.createTempDirectory("kvm-source-boot")
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"))
        KvmGuestFixture fixture = new KvmGuestFixture(workDir)
        try {
            KvmSourceDomain vm = fixture.define(scsiModel: "vmpvscsi", dataDisks: 2)
            long begin = System.nanoTime()
            vm.start()
            assert vm.state() == "running"
            assert Libvirtd.serialLogPath(vm.name) == vm.serialLog
            String log = Libvirtd.awaitSerial(vm.name, ~/zstack-test-guest login:/, 240)
            println "[KvmSourceFixtureCase] login prompt ${secs(begin)} s after start"
            assert log.contains("[sdc]"): "the second data disk is on the controller too"
            assert log =~ /Mounted .*data2\.mount/: "the guest mounted its second data disk"
        } finally {
            fixture.cleanup()
            workDir.toFile().deleteDir()
        }
    }
}
