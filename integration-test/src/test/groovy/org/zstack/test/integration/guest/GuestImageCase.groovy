package org.zstack.test.integration.guest

import groovy.json.JsonSlurper
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.testlib.guest.GuestImage

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermission

/**
 * The real Debian test guest that the migration cases move: built once per machine (debootstrap, as root) and
 * cached; its files and VMDK descriptor are what a VMware datastore would hold; it boots under TCG to a login
 * prompt with its marker and data disk in place; and virt-v2v converts it into a guest that boots on virtio.
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
        assert qemuImgInfo(image.dataVmdk).format == "vmdk"
        assert qemuImgInfo(image.dataQcow2)["virtual-size"] == image.dataVirtualSize
        assert image.dataVirtualSize == 256L << 20

        // the data disk: ext4 on the whole disk, the token and files of known checksums
        assert GuestImage.run(["debugfs", "-R", "cat ${GuestImage.DATA_MARKER}", image.dataRaw.toString()], 60).contains(image.token)
        assert image.dataChecksums.keySet() == ["zstack-test-data", "files/random.bin", "files/README"] as Set
        Path dump = Files.createTempFile("guest-data", ".bin")
        try {
            GuestImage.run(["debugfs", "-R", "dump /files/random.bin ${dump}", image.dataRaw.toString()], 60)
            assert GuestImage.run(["sha256sum", dump.toString()], 60).split(/\s+/)[0] == image.dataChecksums["files/random.bin"]
        } finally {
            Files.deleteIfExists(dump)
        }
    }

    @Test
    void theRawImageBootsUnderTcgToALoginPromptWithItsDataInPlace() {
        def r = GuestImage.bootCheck(image.rootRaw, bus: "ide", dataDisks: [image.dataRaw], timeoutSeconds: 300, commands: [
                "cat ${GuestImage.ROOT_MARKER}",
                "cat ${GuestImage.DATA_MOUNT_POINT}${GuestImage.DATA_MARKER}",
                "sha256sum ${GuestImage.DATA_MOUNT_POINT}/files/random.bin",
                "findmnt -n -o SOURCE /",
                "cat /etc/network/interfaces",
                "systemctl is-enabled open-vm-tools",
                "cat /proc/cmdline",
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
    }

    @Test
    void virtV2vConvertsTheImageIntoAGuestThatBootsOnVirtio() {
        ["virt-v2v": "virt-v2v", nbdcopy: "libnbd-bin", nbdkit: "nbdkit"].each { tool, pkg ->
            assert GuestImage.findTool(tool) != null: "virt-v2v needs ${tool}: apt-get install ${pkg}"
        }
        Path out = Files.createTempDirectory("guest-v2v")
        try {
            Path log = out.resolve("virt-v2v.log")
            List<String> cmd = ["virt-v2v", "-i", "disk", image.rootRaw.toString(), "-o", "local", "-os", out.toString(),
                                "-of", "qcow2", "-on", "v2v-guest"]
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
            pb.environment().putAll([LIBGUESTFS_BACKEND: "direct", LIBGUESTFS_BACKEND_SETTINGS: "force_tcg"])
            long begin = System.nanoTime()
            Process p = pb.start()
            boolean finished = p.waitFor(1800, java.util.concurrent.TimeUnit.SECONDS)
            double seconds = (System.nanoTime() - begin) / 1e9d
            if (!finished) {
                p.destroy()
                p.waitFor()
            }
            println "[GuestImageCase] virt-v2v -i disk (raw, 2 GiB) -o local -of qcow2 under TCG took ${String.format('%.1f', seconds)} s"
            // its phases, with virt-v2v's own clock
            Files.readAllLines(log).findAll { it ==~ /^\[\s*\d+\.\d\] .*/ }.each { println "[GuestImageCase]   ${it}" }
            assert finished && p.exitValue() == 0: "virt-v2v failed after ${seconds} s:\n" + GuestImage.tail(log, 60)

            Path converted = out.resolve("v2v-guest-sda")
            Path xml = out.resolve("v2v-guest.xml")
            assert Files.isRegularFile(converted) && Files.isRegularFile(xml)
            assert qemuImgInfo(converted).format == "qcow2"
            assert Files.readString(xml).contains("virtio")

            def r = GuestImage.bootCheck(converted, bus: "virtio", timeoutSeconds: 300, commands: [
                    "cat ${GuestImage.ROOT_MARKER}",
                    "findmnt -n -o SOURCE /",
                    "grep -v '^#' /etc/fstab",
                    "dpkg-query -W -f='\${Status}' open-vm-tools 2>&1 || true",
            ])
            println "[GuestImageCase] the converted guest booted on virtio under TCG in ${String.format('%.1f', r.secondsToLogin)} s"
            r.commands.each { println "[GuestImageCase]   ${it}" }
            assert r.output(0).trim() == image.token
            assert r.output(1).trim() == "/dev/vda1"
            assert r.output(2).contains("/dev/vda1")
            assert !r.output(3).contains("install ok installed"): "virt-v2v removed VMware tools"
        } finally {
            out.toFile().deleteDir()
        }
    }
}
