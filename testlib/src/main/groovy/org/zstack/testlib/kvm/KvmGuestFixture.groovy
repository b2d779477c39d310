package org.zstack.testlib.kvm

import org.zstack.testlib.guest.GuestImage
import org.zstack.testlib.libvirt.Libvirtd

import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import java.nio.file.attribute.PosixFilePermissions
import java.security.SecureRandom

/**
 * Libvirt domains on this machine's qemu:///system that look like a VM of a KVM platform, made of the cached
 * {@link GuestImage}: the source side of the KVM migration cases (reached over SSH through an {@link SshSourceHost}).
 *
 * <pre>
 *   def fixture = new KvmGuestFixture(workDir)
 *   KvmSourceDomain vm = fixture.define(dataDisks: 2)       // shut off; "v2v-src-&lt;random&gt;", MAC 52:54:00:..
 *   vm.startPaused(); vm.resume(); vm.destroy()
 *   fixture.cleanup()                                        // its domains only, and their files
 * </pre>
 *
 * Disks, as a KVM platform keeps them:
 * <ul>
 *   <li>root: a qcow2 overlay ({@code <domain>/root.qcow2}) on a qcow2 base ({@code base/root-base.qcow2}, made
 *       once per work dir by {@code qemu-img convert} of the image). The base lacks the disk's first
 *       {@link #OVERLAY_BYTES} (zeros there: the MBR, grub's core image and the start of the root file system) and
 *       the overlay holds them: only the flattened chain boots, neither layer alone does — a migration that copies
 *       just the overlay, or just the base, gives a guest that cannot start.</li>
 *   <li>data disks (0, 1 or 2): qcow2 copies of the image's data disks ({@link GuestImage#getDataDisks()}, their
 *       files and checksums for the checks after migration), /dev/sdb and /dev/sdc in the guest.</li>
 * </ul>
 * Domains are {@code type='qemu'} (TCG), machine pc, BIOS, the disks on a virtio-scsi controller (or another SCSI
 * model, SATA, virtio-blk), one virtio NIC on the libvirt network "default", the serial console logged to
 * {@code <domain>/serial.log}. Files are 0644 and directories 0755: libvirt runs qemu as libvirt-qemu here and
 * chowns the disks while a domain runs.
 * <p>
 * Booting: the test guest is a VMware guest, its initramfs has no virtio drivers (virt-v2v adds them). On the
 * default virtio-scsi controller qemu runs but the guest stops in the initramfs' shell, not finding its root disk
 * (so nothing in the guest writes to the disks: they stay as defined, which suits the copy checks). With
 * {@code scsiModel: "vmpvscsi"} it boots to its login prompt (about 30 s under TCG); it still gets no address, as
 * its ifupdown config names VMware's ens192 and the virtio NIC is ens3 here.
 */
class KvmGuestFixture {
    static final String NAME_PREFIX = "v2v-src-"
    /** the start of the root disk that lives in the overlay only (zeros in the base) */
    static final long OVERLAY_BYTES = 4L * 1024 * 1024
    static final String BASE_NAME = "root-base.qcow2"
    static final List<String> BUSES = ["scsi", "sata", "virtio"].asImmutable()
    /**
     * libvirt's SCSI controller models for bus "scsi", with the guest driver each needs: the test guest's initramfs
     * has vmw_pvscsi but not virtio_scsi (a VMware guest; virt-v2v adds virtio), so on virtio-scsi the domain runs
     * but the guest does not find its root disk. (lsisas1068 is left out: under qemu 7.2 the guest's mptsas sees no
     * disk on it.)
     */
    static final Map<String, String> SCSI_MODELS = ["virtio-scsi": "virtio_scsi", vmpvscsi: "vmw_pvscsi"].asImmutable()
    static final String DEFAULT_SCSI_MODEL = "virtio-scsi"

    private static final SecureRandom RANDOM = new SecureRandom()

    final Path workDir
    final GuestImage image
    private final List<KvmSourceDomain> domains = []

    KvmGuestFixture(Path workDir, GuestImage image = GuestImage.get()) {
        this.workDir = workDir.toAbsolutePath().normalize()
        this.image = image
        Files.createDirectories(this.workDir)
        readable(this.workDir)
    }

    /** the domains this fixture defined and has not undefined yet */
    List<KvmSourceDomain> getDomains() { domains.asImmutable() }

    /** a random MAC in QEMU/KVM's range: 52:54:00:xx:xx:xx */
    static String randomMac() {
        byte[] b = new byte[3]
        RANDOM.nextBytes(b)
        return "52:54:00:" + b.collect { String.format("%02x", it & 0xff) }.join(":")
    }

    static String randomName() {
        return NAME_PREFIX + Long.toString(RANDOM.nextLong() & 0xffffffffffL, 36)
    }

    /**
     * Defines (shut off) a domain of the image. Options, all optional: {@code name} ("v2v-src-&lt;random&gt;"),
     * {@code mac} (random 52:54:00:xx:xx:xx), {@code dataDisks} (0, 1 or 2; default 2), {@code bus} ("scsi": a
     * virtio-scsi controller, sda/sdb/sdc as the guest's fstab expects; or "virtio": vda/vdb/vdc, with which the
     * guest's fstab does not find its data disks), {@code memoryMiB} (512), {@code cpus} (1), {@code network} ("default"),
     * {@code scsiModel} (bus scsi's controller: "virtio-scsi", default, or "vmpvscsi", on which the guest boots).
     */
    synchronized KvmSourceDomain define(Map opts = [:]) {
        Set<String> known = ["name", "mac", "dataDisks", "bus", "scsiModel", "memoryMiB", "cpus", "network"] as Set
        Set unknown = opts.keySet().findAll { !known.contains(it as String) }
        if (unknown) {
            throw new IllegalArgumentException("unknown options ${unknown}: ${known}")
        }
        String name = (opts.name ?: randomName()) as String
        String mac = ((opts.mac ?: randomMac()) as String).toLowerCase()
        int dataDisks = opts.containsKey("dataDisks") ? opts.dataDisks as int : 2
        String bus = (opts.bus ?: "scsi") as String
        String scsiModel = (opts.scsiModel ?: DEFAULT_SCSI_MODEL) as String
        int memoryMiB = (opts.memoryMiB ?: 512) as int
        int cpus = (opts.cpus ?: 1) as int
        String network = (opts.network ?: Libvirtd.NETWORK) as String
        if (dataDisks < 0 || dataDisks > image.dataDisks.size()) {
            throw new IllegalArgumentException("dataDisks ${dataDisks}: 0..${image.dataDisks.size()}")
        }
        if (!BUSES.contains(bus)) {
            throw new IllegalArgumentException("bus ${bus}: one of ${BUSES}")
        }
        if (!SCSI_MODELS.containsKey(scsiModel)) {
            throw new IllegalArgumentException("scsiModel ${scsiModel}: one of ${SCSI_MODELS.keySet()}")
        }
        if (!(mac ==~ /([0-9a-f]{2}:){5}[0-9a-f]{2}/)) {
            throw new IllegalArgumentException("mac ${mac} is not a MAC address")
        }
        Libvirtd.ensure()
        if (Libvirtd.domains().contains(name)) {
            throw new IllegalStateException("a domain ${name} is already defined on ${Libvirtd.URI}")
        }

        Path base = base()
        Path dir = workDir.resolve(name)
        if (Files.exists(dir)) {
            dir.toFile().deleteDir()
        }
        Files.createDirectories(dir)
        readable(dir)
        Path root = dir.resolve("root.qcow2")
        qemuImg(["create", "-q", "-f", "qcow2", "-F", "qcow2", "-b", base.toString(), root.toString()])
        writeOverlay(root)
        readable(root)
        List<Path> data = image.dataDisks.take(dataDisks).collect { d ->
            Path p = dir.resolve("${d.name}.qcow2")
            qemuImg(["convert", "-O", "qcow2", "-f", "raw", d.raw.toString(), p.toString()], 300)
            readable(p)
            return p
        }

        KvmSourceDomain domain = new KvmSourceDomain(this, name, UUID.randomUUID().toString(), mac, bus, scsiModel, memoryMiB,
                cpus, network, dir, base, root, data, image.dataDisks.take(dataDisks))
        Path xml = dir.resolve("domain.xml")
        Files.writeString(xml, domain.definitionXml())
        readable(xml)
        Libvirtd.virsh(["define", xml.toString()])
        domains << domain
        return domain
    }

    /** Destroys and undefines every domain this fixture defined (never others) and removes their files and the base. */
    synchronized void cleanup() {
        List<Throwable> errors = []
        new ArrayList<>(domains).each { d ->
            try {
                d.undefine()
            } catch (Throwable t) {
                errors << t
            }
        }
        Path base = workDir.resolve("base")
        if (Files.exists(base)) {
            base.toFile().deleteDir()
        }
        if (errors) {
            throw new IllegalStateException("cleaning up the KVM source domains failed: ${errors*.message}", errors[0])
        }
    }

    synchronized void forget(KvmSourceDomain d) {
        domains.remove(d)
    }

    /**
     * The root disk's base of this work dir: the image as qcow2 with its first {@link #OVERLAY_BYTES} zeroed; made
     * once (under a lock file, also across JVMs), renamed into place when complete.
     */
    Path base() {
        Path dir = workDir.resolve("base")
        Path base = dir.resolve(BASE_NAME)
        if (Files.isRegularFile(base)) {
            return base
        }
        Files.createDirectories(dir)
        readable(dir)
        FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE).withCloseable { FileChannel ch ->
            ch.lock().withCloseable {
                if (!Files.isRegularFile(base)) {
                    Path tmp = dir.resolve(BASE_NAME + ".tmp")
                    Files.deleteIfExists(tmp)
                    long begin = System.nanoTime()
                    qemuImg(["convert", "-O", "qcow2", "-f", "raw", image.rootRaw.toString(), tmp.toString()], 600)
                    qemuIo(tmp, "write -q -z 0 ${OVERLAY_BYTES}")
                    readable(tmp)
                    Files.move(tmp, base, StandardCopyOption.ATOMIC_MOVE)
                    println "[KvmGuestFixture] made ${base} in ${String.format('%.1f', (System.nanoTime() - begin) / 1e9d)} s"
                }
            }
        }
        return base
    }

    /** the image's first OVERLAY_BYTES written into the overlay, where the base has zeros */
    private void writeOverlay(Path overlay) {
        Path head = overlay.resolveSibling("root-head.bin")
        try {
            Files.newInputStream(image.rootRaw).withCloseable { InputStream in ->
                byte[] bytes = in.readNBytes((int) OVERLAY_BYTES)
                if (bytes.length != OVERLAY_BYTES) {
                    throw new IllegalStateException("${image.rootRaw} is shorter than ${OVERLAY_BYTES} bytes")
                }
                Files.write(head, bytes)
            }
            qemuIo(overlay, "write -q -s ${head} 0 ${OVERLAY_BYTES}")
        } finally {
            Files.deleteIfExists(head)
        }
    }

    static void readable(Path p) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"))
    }

    static String qemuImg(List<String> args, long timeoutSeconds = 120) {
        return GuestImage.run(["qemu-img"] + args, timeoutSeconds)
    }

    static String qemuIo(Path qcow2, String command) {
        return GuestImage.run(["qemu-io", "-f", "qcow2", "-c", command, qcow2.toString()], 120)
    }
}
