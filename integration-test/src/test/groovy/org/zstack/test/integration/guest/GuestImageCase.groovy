package org.zstack.test.integration.guest

import groovy.json.JsonSlurper
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.testlib.guest.GuestDataDisk
import org.zstack.testlib.guest.GuestImage
import org.zstack.testlib.guest.VmwareGuestFixture
import org.zstack.testlib.vsphere.VCenterSimulator

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermission

/**
 * The real Debian test guest that the migration cases move: built once per machine (debootstrap, as root) and
 * cached; its files and VMDK descriptors are what a VMware datastore would hold; it boots under TCG to a login
 * prompt with its marker and both data disks in place. That virt-v2v turns it into a guest that boots on virtio
 * (its data disks mounted under their new names, root let in over ssh with the image's key, VMware tools gone) is
 * what MigrationCase checks through the product; converting it here as well cost a conversion (3-5 min under TCG)
 * of the CI budget.
 */
class GuestImageCase {
    static GuestImage image

    @BeforeAll
    static void obtain() {
        long begin = System.nanoTime()
        image = GuestImage.get()
        println "[GuestImageCase] guest image ${image.dir}: " + (image.buildSeconds > 0 ?
                "built in ${String.format('%.1f', image.buildSeconds)} s" :
                "from the cache (${String.format('%.1f', (System.nanoTime() - begin) / 1e9d)} s)")
        println "[GuestImageCase] ${image.buildInfo}"
    }

    static Map qemuImgInfo(Path p) {
        return new JsonSlurper().parseText(GuestImage.run(["qemu-img", "info", "--output=json", p.toString()], 60)) as Map
    }

    @Test
    void theImageSetIsCompleteAndLooksLikeAVMwareGuest() {
        GuestImage.FILES.each { assert Files.isRegularFile(image.dir.resolve(it)): "${it} is missing in ${image.dir}" }
        assert image.dir.fileName.toString() == "guest-" + GuestImage.builderHash()

        assert image.token ==~ /[0-9a-f]{32}/
        assert image.rootPassword.length() >= 16
        assert image.publicKeyText.startsWith("ssh-ed25519 ")
        assert image.hostKeyText.startsWith("ssh-ed25519 ")
        assert image.privateKeyText.contains("OPENSSH PRIVATE KEY")
        assert Files.getPosixFilePermissions(image.privateKey) == [PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE] as Set

        // the raw system disk: 2 GiB, sparse, MBR with one bootable partition at 1 MiB
        assert image.rootVirtualSize == 2L << 30
        long allocated = (GuestImage.run(["stat", "-c", "%b", image.rootRaw.toString()], 60).trim() as long) * 512
        println "[GuestImageCase] guest-root.raw: ${image.rootVirtualSize >> 20} MiB virtual, ${allocated >> 20} MiB allocated"
        assert allocated < image.rootVirtualSize * 3 / 4
        byte[] mbr = new byte[512]
        Files.newInputStream(image.rootRaw).withCloseable { it.readNBytes(mbr, 0, 512) }
        assert (mbr[510] & 0xff) == 0x55 && (mbr[511] & 0xff) == 0xaa
        assert (mbr[446] & 0xff) == 0x80: "partition 1 is bootable"
        assert (mbr[450] & 0xff) == 0x83: "partition 1 is Linux"
        assert java.nio.ByteBuffer.wrap(mbr, 454, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() == 2048
        assert new String(mbr, 0, 440, "ISO-8859-1").contains("GRUB"): "grub's boot code is in the MBR"

        // VMware's shape: a monolithicFlat descriptor naming its flat extent, byte for byte the raw disk
        Map vmdk = qemuImgInfo(image.rootVmdk)
        assert vmdk.format == "vmdk"
        assert vmdk["virtual-size"] == image.rootVirtualSize
        assert vmdk["format-specific"].data["create-type"] == "monolithicFlat"
        String descriptor = Files.readString(image.rootVmdk)
        assert descriptor.contains('createType="monolithicFlat"')
        assert descriptor.contains("RW ${image.rootVirtualSize >> 9} FLAT \"guest-root-flat.vmdk\" 0")
        assert descriptor.contains('ddb.adapterType = "lsilogic"')
        assert Files.size(image.rootFlatVmdk) == image.rootVirtualSize
        GuestImage.run(["cmp", image.rootRaw.toString(), image.rootFlatVmdk.toString()], 120)

        Map qcow2 = qemuImgInfo(image.rootQcow2)
        assert qcow2.format == "qcow2" && qcow2["virtual-size"] == image.rootVirtualSize
        assert image.dataVirtualSize == 256L << 20
        assert image.data2VirtualSize == 128L << 20
        assert image.dataDisks*.name == ["data", "data2"]
        assert image.dataDisks*.vmwareDevice == ["/dev/sdb", "/dev/sdc"]
        assert image.dataChecksums.keySet() == ["zstack-test-data", "files/random.bin", "files/README"] as Set
        assert image.data2Checksums.keySet() == ["zstack-test-data2", "files/random-a.bin", "files/random-b.bin", "files/README"] as Set
        assert image.dataChecksums["files/README"] != image.data2Checksums["files/README"]: "the two disks differ"

        // each data disk: ext4 on the whole disk, the token and files of known checksums, its VMDK and qcow2 copies
        image.dataDisks.each { disk ->
            assert qemuImgInfo(disk.vmdk).format == "vmdk"
            assert Files.readString(disk.vmdk).contains("RW ${disk.virtualSize >> 9} FLAT \"guest-${disk.name}-flat.vmdk\" 0")
            GuestImage.run(["cmp", disk.raw.toString(), disk.flatVmdk.toString()], 60)
            assert qemuImgInfo(disk.qcow2)["virtual-size"] == disk.virtualSize
            assert GuestImage.run(["debugfs", "-R", "cat ${disk.marker}", disk.raw.toString()], 60).contains(image.token)
            Path dump = Files.createTempFile("guest-data", ".bin")
            try {
                disk.checksums.each { file, sum ->
                    GuestImage.run(["debugfs", "-R", "dump /${file} ${dump}", disk.raw.toString()], 60)
                    assert GuestImage.run(["sha256sum", dump.toString()], 60).split(/\s+/)[0] == sum: "${disk.name}:${file}"
                }
            } finally {
                Files.deleteIfExists(dump)
            }
        }
    }

    @Test
    void theRawImageBootsUnderTcgToALoginPromptWithItsDataInPlace() {
        def r = GuestImage.bootCheck(image.rootRaw, bus: "ide", dataDisks: [image.dataRaw, image.data2Raw], timeoutSeconds: 300, commands: [
                "cat ${GuestImage.ROOT_MARKER}",
                "${image.data.awaitMountedCommand()}; cat ${GuestImage.DATA_MOUNT_POINT}${GuestImage.DATA_MARKER}",
                "sha256sum ${GuestImage.DATA_MOUNT_POINT}/files/random.bin",
                "findmnt -n -o SOURCE /",
                "cat /etc/network/interfaces",
                "systemctl is-enabled open-vm-tools",
                "cat /proc/cmdline",
                "${image.data2.awaitMountedCommand()}; findmnt -n -o SOURCE ${GuestImage.DATA2_MOUNT_POINT}",
                image.data2.checksumCommand(),
                "systemctl is-enabled ssh",
        ])
        println "[GuestImageCase] the raw image booted to a login prompt under TCG in ${String.format('%.1f', r.secondsToLogin)} s"
        assert r.console.contains("${GuestImage.HOSTNAME} login:")
        r.commands.each { assert it.exitCode == 0: it.toString() }
        assert r.output(0).trim() == image.token
        assert r.output(1).trim() == image.token
        assert r.output(2).startsWith(image.dataChecksums["files/random.bin"])
        assert r.output(3).trim() == "/dev/sda1"
        assert r.output(4).contains("iface ${GuestImage.NIC_NAME} inet dhcp")
        assert r.output(5).trim() == "enabled"
        assert r.output(6).contains("console=ttyS0")
        assert r.output(7).trim() == "/dev/sdc"
        assert GuestDataDisk.parseChecksums(r.output(8)) == image.data2Checksums
        assert r.output(9).trim() == "enabled"
    }

    /**
     * Three VMs of the image in the vSphere simulator, as the migration cases place them: each has the image's three
     * disks byte for byte in its datastore, sparse (a VM costs what the image holds, not its capacity), one vmxnet3
     * NIC with the given MAC on "VM Network", and the hardware of a small Debian 11 VM.
     */
    @Test
    void theImageMakesVmsInTheVSphereSimulator() {
        def fixture = new VmwareGuestFixture(image)
                .vm("debian-1", mac: "00:50:56:3f:00:01")
                .vm("debian-2", powerState: "poweredOn")
                .vm("debian-3", dataDisks: false)
        long begin = System.nanoTime()
        VCenterSimulator vc = VCenterSimulator.start(fixture.build())
        try {
            println "[GuestImageCase] the simulator placed 3 VMs of the image in ${String.format('%.1f', (System.nanoTime() - begin) / 1e9d)} s" +
                    " (its own start: ${vc.readyMillis} ms)"
            Map inv = vc.inventory()
            assert inv.vms*.name.sort() == ["debian-1", "debian-2", "debian-3"]
            Map vm1 = vc.vm("debian-1")
            assert vm1.guestId == VmwareGuestFixture.GUEST_ID && vm1.firmware == "bios"
            assert vm1.cpu == 1 && vm1.memoryMB == 512 && vm1.powerState == "poweredOff"
            assert vm1.nics.size() == 1
            assert vm1.nics[0].mac == "00:50:56:3f:00:01" && vm1.nics[0].network == "VM Network" && vm1.nics[0].type == "vmxnet3"
            assert vc.vm("debian-2").powerState == "poweredOn"
            assert vc.vm("debian-2").nics[0].mac == VmwareGuestFixture.mac(2)
            assert vc.vm("debian-3").disks.size() == 1

            List<Path> sources = [image.rootRaw] + image.dataDisks*.raw
            assert vm1.disks.size() == 3
            long allocated = 0
            vm1.disks.eachWithIndex { Map d, int i ->
                Path flat = Path.of(d.file as String)
                assert d.capacityBytes == Files.size(sources[i])
                assert d.thin
                GuestImage.run(["cmp", sources[i].toString(), flat.toString()], 120)
                allocated += (GuestImage.run(["stat", "-c", "%b", flat.toString()], 60).trim() as long) * 512
            }
            long capacity = sources.sum { Files.size(it) } as long
            println "[GuestImageCase] one VM's disks in the datastore: ${capacity >> 20} MiB capacity, ${allocated >> 20} MiB allocated"
            assert allocated < capacity / 2: "the simulator's copies keep the image's holes"
        } finally {
            vc.stop()
        }
    }
}
