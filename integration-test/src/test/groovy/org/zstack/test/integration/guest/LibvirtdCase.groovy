package org.zstack.test.integration.guest

import org.junit.jupiter.api.Test
import org.zstack.testlib.libvirt.Libvirtd

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * The machine's real libvirtd as the migration cases use it: {@link Libvirtd#ensure()} starts it (no systemd here)
 * and the default NAT network once — a second call changes nothing — and a TCG domain on that network starts,
 * its serial console lands in the log {@link Libvirtd#serialLog} reads, and {@link Libvirtd#destroyDomains} removes it.
 */
class LibvirtdCase {
    static final String PREFIX = "zstack-libvirtd-case-"

    static String pidOf(String pidFile) { Files.readString(Path.of(pidFile)).trim() }

    @Test
    void ensureIsIdempotentAndTheDefaultNetworkIsUp() {
        long begin = System.nanoTime()
        Libvirtd.Network first = Libvirtd.ensure()
        println "[LibvirtdCase] first ensure(): ${String.format('%.1f', (System.nanoTime() - begin) / 1e9d)} s: ${first}"
        String libvirtd = pidOf("/run/libvirtd.pid")
        String virtlogd = pidOf("/run/virtlogd.pid")

        begin = System.nanoTime()
        Libvirtd.Network second = Libvirtd.ensure()
        println "[LibvirtdCase] second ensure(): ${String.format('%.1f', (System.nanoTime() - begin) / 1e9d)} s"
        assert pidOf("/run/libvirtd.pid") == libvirtd: "the second call started no other libvirtd"
        assert pidOf("/run/virtlogd.pid") == virtlogd
        assert Files.exists(Path.of("/proc", libvirtd)) && Files.exists(Path.of("/proc", virtlogd))
        assert second.toString() == first.toString()

        assert first.bridge == "virbr0"
        assert first.cidr == "192.168.122.0/24"
        assert first.gateway == "192.168.122.1"
        assert first.netmask == "255.255.255.0"
        assert first.dhcpStart == "192.168.122.2" && first.dhcpEnd == "192.168.122.254"
        Map<String, String> info = Libvirtd.netInfo()
        assert info.Active == "yes" && info.Autostart == "yes"
        // the bridge is really there with the gateway's address, and dnsmasq serves it
        String addr = Libvirtd.run(["ip", "-o", "-4", "addr", "show", "dev", first.bridge], 30).output
        assert addr.contains("${first.gateway}/${first.prefix}"): addr
        assert Files.exists(Path.of("/proc", pidOf("/run/libvirt/network/${first.name}.pid")))
        assert Libvirtd.leaseOf("52:54:00:ff:ff:fe") == null
    }

    /**
     * A minimal domain of the kind the migration cases start (type qemu, a NIC on the default network, the serial
     * console logged to a file): the host's kernel, booted directly without a root file system, prints to the
     * serial console within seconds and panics, which is all this needs.
     */
    @Test
    void aTcgDomainOnTheDefaultNetworkStartsAndItsSerialLogIsRead() {
        Libvirtd.ensure()
        Libvirtd.destroyDomains(PREFIX)
        Path kernelOnHost = Files.list(Path.of("/boot")).withCloseable { s ->
            s.filter { it.fileName.toString().startsWith("vmlinuz-") }.sorted().toList() }.last()
        // a copy: libvirt relabels (chowns) what a domain uses, and /boot is not the test's to change
        Path dir = Files.createTempDirectory("libvirtd-case")
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"))
        Path kernel = Files.copy(kernelOnHost, dir.resolve("vmlinuz"))
        Path serial = dir.resolve("serial.log")
        Path xml = dir.resolve("domain.xml")
        String name = PREFIX + "kernel"
        Files.writeString(xml, """<domain type='qemu'>
  <name>${name}</name>
  <memory unit='MiB'>256</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><kernel>${kernel}</kernel><cmdline>console=ttyS0 panic=-1</cmdline></os>
  <on_reboot>destroy</on_reboot>
  <devices>
    <interface type='network'><source network='default'/><mac address='52:54:00:5a:ff:01'/><model type='virtio'/></interface>
    <serial type='pty'><log file='${serial}' append='off'/><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
  </devices>
</domain>
""")
        List<String> removed = null
        try {
            Libvirtd.virsh(["define", xml.toString()])
            assert Libvirtd.domains().contains(name)
            long begin = System.nanoTime()
            Libvirtd.virsh(["start", name], 120)
            assert Libvirtd.serialLogPath(name) == serial
            String log = Libvirtd.awaitSerial(name, ~/console \[ttyS0\] enabled/, 120)
            println "[LibvirtdCase] the kernel printed on the serial console ${String.format('%.1f', (System.nanoTime() - begin) / 1e9d)} s after start"
            assert log =~ /Linux version \d/
            assert Files.isRegularFile(Libvirtd.qemuLog(name))
        } finally {
            removed = Libvirtd.destroyDomains(PREFIX)
            dir.toFile().deleteDir()
        }
        assert removed == [name]
        assert !Libvirtd.domains().contains(name)
    }
}
