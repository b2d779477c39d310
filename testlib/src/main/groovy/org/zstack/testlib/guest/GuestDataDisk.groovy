package org.zstack.testlib.guest

import java.nio.file.Files
import java.nio.file.Path

/**
 * One data disk of the {@link GuestImage}: ext4 on the whole disk (no partition table), a marker file holding the
 * image's token, and random files of known checksums, mounted by the guest's fstab from its VMware device name
 * ({@code /dev/sdb}, {@code /dev/sdc}; virt-v2v turns them into vdb, vdc). Its files, like the image's, are
 * read-only to tests.
 */
class GuestDataDisk {
    /** "data", "data2": the files are guest-&lt;name&gt;.raw, .vmdk, -flat.vmdk, .qcow2 and &lt;name&gt;.sha256 */
    final String name
    /** 1 for the first data disk: the guest's second disk (the root disk being the first) */
    final int number
    /** where the guest mounts it */
    final String mountPoint
    /** the device its fstab line names, as on VMware (LSI Logic or SATA, second and third disk) */
    final String vmwareDevice
    /** a file at the root of its file system holding {@link GuestImage#getToken()} */
    final String marker
    private final Path dir

    GuestDataDisk(Path dir, String name, int number, String mountPoint, String vmwareDevice, String marker) {
        this.dir = dir
        this.name = name
        this.number = number
        this.mountPoint = mountPoint
        this.vmwareDevice = vmwareDevice
        this.marker = marker
    }

    Path getRaw() { dir.resolve("guest-${name}.raw") }
    /** the monolithicFlat descriptor; its extent is {@link #getFlatVmdk()} */
    Path getVmdk() { dir.resolve("guest-${name}.vmdk") }
    /** the flat extent, byte for byte {@link #getRaw()}: what a datastore holds */
    Path getFlatVmdk() { dir.resolve("guest-${name}-flat.vmdk") }
    Path getQcow2() { dir.resolve("guest-${name}.qcow2") }
    long getVirtualSize() { Files.size(raw) }

    /** the device name after virt-v2v (virtio): /dev/sdb -> /dev/vdb */
    String getVirtioDevice() { vmwareDevice.replace("/dev/sd", "/dev/vd") }

    /**
     * sha256 of each file on the disk by its path relative to the disk's file system root ("files/random.bin",
     * the marker "zstack-test-data"): inside the guest the file is at {@link #getMountPoint()}/&lt;path&gt;.
     */
    Map<String, String> getChecksums() {
        return parseChecksums(Files.readString(dir.resolve("${name}.sha256")))
    }

    /**
     * A shell line that prints sha256sum lines of the disk's files as mounted in a guest, in the format of
     * {@link #parseChecksums}: run it in the migrated guest and compare with {@link #getChecksums()}.
     */
    String checksumCommand(String mountPoint = this.mountPoint) {
        return "${awaitMountedCommand(mountPoint)}; cd ${mountPoint} && sha256sum ${checksums.keySet().sort().join(' ')}"
    }

    /**
     * Waits (at most 100 s, within a serial command's 120) until the disk is mounted: a nofail mount goes on after
     * the login prompt, and under TCG a data disk may be announced late. Ends with success either way; the check
     * that follows says what is missing.
     */
    String awaitMountedCommand(String mountPoint = this.mountPoint) {
        return "i=0; while ! mountpoint -q ${mountPoint} && [ \$i -lt 100 ]; do sleep 1; i=\$((i+1)); done"
    }

    /** sha256sum output ("&lt;sum&gt;  &lt;path&gt;" lines) as a map path -> sum */
    static Map<String, String> parseChecksums(String sha256sumOutput) {
        Map<String, String> sums = [:]
        sha256sumOutput.readLines().findAll { it.trim() }.each { line ->
            def (sum, file) = line.trim().split(/\s+/, 2)
            sums[file.startsWith("*") ? file.substring(1) : file] = sum
        }
        return sums
    }

    String toString() { "GuestDataDisk(${name}, ${vmwareDevice} on ${mountPoint})" }
}
