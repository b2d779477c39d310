package org.zstack.testlib.kvm

import groovy.json.JsonSlurper
import org.zstack.testlib.guest.GuestDataDisk
import org.zstack.testlib.guest.GuestImage
import org.zstack.testlib.libvirt.Libvirtd

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * One domain a {@link KvmGuestFixture} defined on qemu:///system: the source VM of a KVM migration case. Its disk
 * files are under {@link #dir}; {@link #undefine()} removes both.
 *
 * What a test checks on the migrated guest: the MAC ({@link #mac}), the root marker
 * ({@link GuestImage#ROOT_MARKER} holding {@link GuestImage#getToken()}), and each data disk in {@link #dataDisks}:
 * {@code ssh.run(d.checksumCommand())} parsed with {@link GuestDataDisk#parseChecksums} equal to
 * {@link GuestDataDisk#getChecksums()}. That it boots at all shows the root disk's backing chain was flattened
 * (see {@link KvmGuestFixture}).
 */
class KvmSourceDomain {
    final KvmGuestFixture fixture
    final String name
    final String uuid
    /** lower case, 52:54:00:xx:xx:xx */
    final String mac
    /** "scsi" (sda, sdb, sdc on one controller of {@link #scsiModel}), "sata" (sda, sdb, sdc on AHCI) or "virtio" (vda, vdb, vdc) */
    final String bus
    /** the SCSI controller's libvirt model when {@link #bus} is scsi: virtio-scsi or vmpvscsi */
    final String scsiModel
    final int memoryMiB
    final int cpus
    final String network
    /** the domain's files: its disks, domain.xml, serial.log */
    final Path dir
    /** the root disk's backing file (qcow2, shared by the fixture's domains) */
    final Path baseDisk
    /** the root disk: a qcow2 overlay on {@link #baseDisk} */
    final Path rootDisk
    /** the data disks' files (qcow2), in guest order */
    final List<Path> dataDiskPaths
    /** the image's data disks these are copies of: their files, mount points and checksums */
    final List<GuestDataDisk> dataDisks

    KvmSourceDomain(KvmGuestFixture fixture, String name, String uuid, String mac, String bus, String scsiModel, int memoryMiB, int cpus,
                    String network, Path dir, Path baseDisk, Path rootDisk, List<Path> dataDiskPaths,
                    List<GuestDataDisk> dataDisks) {
        this.fixture = fixture
        this.name = name
        this.uuid = uuid
        this.mac = mac
        this.bus = bus
        this.scsiModel = scsiModel
        this.memoryMiB = memoryMiB
        this.cpus = cpus
        this.network = network
        this.dir = dir
        this.baseDisk = baseDisk
        this.rootDisk = rootDisk
        this.dataDiskPaths = dataDiskPaths.asImmutable()
        this.dataDisks = dataDisks.asImmutable()
    }

    /** the root disk, then the data disks: the domain's disks in order */
    List<Path> getDiskPaths() { ([rootDisk] + dataDiskPaths).asImmutable() }

    /** the target device names in the domain XML, in disk order: sda, sdb, sdc (scsi, sata) or vda, vdb, vdc (virtio) */
    List<String> getTargetDevs() {
        String prefix = bus == "virtio" ? "vd" : "sd"
        return (0..<diskPaths.size()).collect { int i -> prefix + "abcdefghijklmnopqrstuvwxyz"[i] }
    }

    /** where the serial console's output goes (a pty with a log file; also {@link Libvirtd#serialLog}) */
    Path getSerialLog() { dir.resolve("serial.log") }

    /** the XML this domain was defined with */
    String definitionXml() {
        StringBuilder disks = new StringBuilder()
        if (bus == "scsi") {
            disks << "    <controller type='scsi' index='0' model='${scsiModel}'/>\n"
        } else if (bus == "sata") {
            disks << "    <controller type='sata' index='0'/>\n"
        }
        diskPaths.eachWithIndex { Path p, int i ->
            // SCSI: one target per disk, LUN 0 (as VMware's SCSI 0:0, 0:1, 0:2); SATA: one port each
            String address = bus == "scsi" ? "\n      <address type='drive' controller='0' bus='0' target='${i}' unit='0'/>"
                    : bus == "sata" ? "\n      <address type='drive' controller='0' bus='0' target='0' unit='${i}'/>" : ""
            disks << """    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${p}'/>
      <target dev='${targetDevs[i]}' bus='${bus}'/>${address}
    </disk>
"""
        }
        return """<domain type='qemu'>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <memory unit='MiB'>${memoryMiB}</memory>
  <currentMemory unit='MiB'>${memoryMiB}</currentMemory>
  <vcpu placement='static'>${cpus}</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <boot dev='hd'/>
  </os>
  <features><acpi/><apic/></features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
${disks}    <interface type='network'>
      <source network='${network}'/>
      <mac address='${mac}'/>
      <model type='virtio'/>
    </interface>
    <serial type='pty'>
      <log file='${serialLog}' append='off'/>
      <target port='0'/>
    </serial>
    <console type='pty'><target type='serial' port='0'/></console>
  </devices>
</domain>
"""
    }

    /** virsh dumpxml (inactive: the definition; running: with the probed backing chains) */
    String dumpXml() { Libvirtd.virsh(["dumpxml", name]) }

    /** virsh domstate: "shut off", "running", "paused", ... */
    String state() { Libvirtd.virsh(["domstate", name]).trim() }

    boolean isDefined() { Libvirtd.virshResult(["domuuid", name], 60).exitCode == 0 }

    void start() { Libvirtd.virsh(["start", name], 120) }

    /** starts it with its vCPUs stopped: qemu runs, the guest does not (a quick "running" source for the tests) */
    void startPaused() { Libvirtd.virsh(["start", "--paused", name], 120) }

    void pause() { Libvirtd.virsh(["suspend", name]) }

    void resume() { Libvirtd.virsh(["resume", name]) }

    /** pulls the plug (no-op when it is not running) */
    void destroy() {
        Libvirtd.Result r = Libvirtd.virshResult(["destroy", name], 60)
        if (r.exitCode != 0 && !r.output.contains("not running")) {
            throw new IllegalStateException("virsh destroy ${name}: ${r.output}")
        }
    }

    /** waits until the state is the given one ("shut off" after an ACPI shutdown, say); fails after the timeout */
    void awaitState(String wanted, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
        String s
        while ((s = state()) != wanted) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("domain ${name} is ${s}, not ${wanted}, after ${timeoutSeconds} s")
            }
            Thread.sleep(500)
        }
    }

    /** Destroys it when running, undefines it and removes its files (the shared base stays, the fixture's). */
    void undefine() {
        if (isDefined()) {
            destroy()
            Libvirtd.virsh(["undefine", name, "--managed-save", "--snapshots-metadata", "--nvram"], 60)
        }
        if (Files.exists(dir)) {
            dir.toFile().deleteDir()
        }
        fixture.forget(this)
    }

    /**
     * The bytes a copy of the flattened disks must read: over the disks, the lengths of the extents
     * {@code qemu-img map} reports as data, through the root disk's backing chain (overlay and base together).
     */
    long allocatedBytes() {
        return diskPaths.sum { Path p -> allocatedBytes(p) } as long
    }

    /** the disks' virtual sizes, summed */
    long virtualBytes() {
        return diskPaths.sum { Path p -> info(p)["virtual-size"] as long } as long
    }

    /** data bytes of one disk image with its backing chain (-U: also while the domain runs) */
    static long allocatedBytes(Path disk) {
        String json = KvmGuestFixture.qemuImg(["map", "-U", "--output=json", disk.toString()], 120)
        List<Map> extents = new JsonSlurper().parseText(json) as List<Map>
        return extents.findAll { it.data }.sum(0L) { it.length as long } as long
    }

    /** qemu-img info --output=json of one disk (format, virtual-size, backing-filename, ...) */
    static Map info(Path disk) {
        return new JsonSlurper().parseText(KvmGuestFixture.qemuImg(["info", "-U", "--output=json", disk.toString()])) as Map
    }

    String toString() { "KvmSourceDomain(${name}, ${uuid}, ${mac}, ${bus}, disks ${diskPaths*.fileName})" }
}
