package org.zstack.agent.vm;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.zstack.agent.vm.VmAgentCommands.*;

/** Validation and host-specific resolution, against a fake /sys/class/net and a fake OVMF directory. */
class DomainDefinitionFactoryTest {
    @TempDir
    Path tmp;
    Path sysNet;
    Path ovmf;
    Path root;
    Path data;
    DomainDefinitionFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        sysNet = Files.createDirectories(tmp.resolve("sys/class/net"));
        Files.createDirectories(sysNet.resolve("virbr9/bridge"));
        Files.createDirectories(sysNet.resolve("eth7"));
        Files.createDirectories(sysNet.resolve("br_eth7/bridge"));
        Files.createDirectories(sysNet.resolve("eth8")); // a NIC without a ZStack bridge
        ovmf = Files.createDirectories(tmp.resolve("OVMF"));
        root = Files.createFile(tmp.resolve("root.qcow2"));
        data = Files.createFile(tmp.resolve("data.raw"));
        factory = factoryWithOvmf(ovmf);
    }

    private DomainDefinitionFactory factoryWithOvmf(Path ovmfDir) {
        return new DomainDefinitionFactory(new BridgeResolver(sysNet),
                new UefiFirmwareLocator(ovmfDir, Path.of("/var/lib/libvirt/qemu/nvram")), p -> "none");
    }

    private StartVmCmd cmd() {
        StartVmCmd c = new StartVmCmd();
        c.vmUuid = "0123456789ABCDEF0123456789abcdef";
        c.vmName = "web-01";
        c.cpuNum = 2;
        c.memorySize = 1024L * 1024 * 1024;
        c.volumes = new ArrayList<>(List.of(volume("vol-data", data, "raw", 1), volume("vol-root", root, "qcow2", 0)));
        c.nics = new ArrayList<>(List.of(nic("52:54:00:AA:BB:02", "eth7", 1), nic("52:54:00:aa:bb:01", "virbr9", 0)));
        return c;
    }

    private static VolumeTO volume(String uuid, Path path, String format, int deviceId) {
        VolumeTO v = new VolumeTO();
        v.uuid = uuid;
        v.installPath = path.toString();
        v.format = format;
        v.deviceId = deviceId;
        return v;
    }

    private static NicTO nic(String mac, String bridge, int deviceId) {
        NicTO n = new NicTO();
        n.mac = mac;
        n.bridgeName = bridge;
        n.deviceId = deviceId;
        return n;
    }

    private void assertRefused(StartVmCmd c, String errorStart) {
        AgentException e = assertThrows(AgentException.class, () -> factory.create(c));
        assertTrue(e.getMessage().startsWith(errorStart), e.getMessage());
    }

    @Test
    void defaultsAndOrdering() {
        DomainDefinition d = factory.create(cmd());
        assertEquals("0123456789ABCDEF0123456789abcdef", d.name(), "the domain is named by the uuid as sent");
        assertEquals("01234567-89ab-cdef-0123-456789abcdef", d.uuid());
        assertEquals("web-01", d.title());
        assertEquals("kvm", d.domainType());
        assertEquals("pc", d.machine());
        assertEquals(1024 * 1024, d.memoryKiB());
        assertEquals(2, d.cpus());
        assertNull(d.firmware());
        assertNull(d.serialLogPath());

        assertEquals(List.of("vda", "vdb"), d.disks().stream().map(DomainDefinition.Disk::dev).toList());
        assertEquals(root.toString(), d.disks().get(0).path());
        assertTrue(d.disks().get(0).boot());
        assertFalse(d.disks().get(1).boot());
        assertEquals("raw", d.disks().get(1).format());
        assertEquals("vol-root", d.disks().get(0).serial());
        assertEquals("none", d.disks().get(0).cache());

        assertEquals("52:54:00:aa:bb:01", d.nics().get(0).mac());
        assertEquals("virbr9", d.nics().get(0).bridge(), "a bridge is used as is");
        assertEquals("52:54:00:aa:bb:02", d.nics().get(1).mac(), "MACs in lower case");
        assertEquals("br_eth7", d.nics().get(1).bridge(), "an interface leads to its br_ bridge");
        assertEquals("virtio", d.nics().get(1).model());
    }

    @Test
    void explicitChoices() {
        StartVmCmd c = cmd();
        c.domainType = "qemu";
        c.machineType = "Q35";
        c.bootMode = "Legacy";
        c.memorySize = 1025L; // rounds up to whole KiB
        c.serialLogPath = "/var/log/zstack/../zstack/vm/serial.log";
        c.vmName = "multi\nline\tname ";
        DomainDefinition d = factory.create(c);
        assertEquals("qemu", d.domainType());
        assertEquals("q35", d.machine());
        assertNull(d.firmware());
        assertEquals(2, d.memoryKiB());
        assertEquals("/var/log/zstack/vm/serial.log", d.serialLogPath());
        assertEquals("multi line name", d.title());
    }

    @Test
    void dashedUuidsAreAccepted() {
        StartVmCmd c = cmd();
        c.vmUuid = "01234567-89AB-cdef-0123-456789abcdef";
        assertEquals("01234567-89ab-cdef-0123-456789abcdef", factory.create(c).uuid());
    }

    @Test
    void uefiPrefersThe4MFirmwareAndNamesTheNvramAfterTheUuid() throws Exception {
        Files.createFile(ovmf.resolve("OVMF_CODE.fd"));
        Files.createFile(ovmf.resolve("OVMF_VARS.fd"));
        StartVmCmd c = cmd();
        c.bootMode = "UEFI";
        DomainDefinition.UefiFirmware fw = factory.create(c).firmware();
        assertEquals(ovmf.resolve("OVMF_CODE.fd").toString(), fw.code());
        assertEquals(ovmf.resolve("OVMF_VARS.fd").toString(), fw.varsTemplate());

        Files.createFile(ovmf.resolve("OVMF_CODE_4M.fd"));
        Files.createFile(ovmf.resolve("OVMF_VARS_4M.fd"));
        fw = factory.create(c).firmware();
        assertEquals(ovmf.resolve("OVMF_CODE_4M.fd").toString(), fw.code());
        assertEquals(ovmf.resolve("OVMF_VARS_4M.fd").toString(), fw.varsTemplate());
        assertEquals("/var/lib/libvirt/qemu/nvram/01234567-89ab-cdef-0123-456789abcdef_VARS.fd", fw.nvram());
    }

    @Test
    void secureBootGetsTheSecureBootBuildWithMicrosoftsKeys() throws Exception {
        Files.createFile(ovmf.resolve("OVMF_CODE_4M.fd"));
        Files.createFile(ovmf.resolve("OVMF_VARS_4M.fd"));
        StartVmCmd c = cmd();
        c.bootMode = "UEFI";
        c.machineType = "q35";
        c.secureBoot = true;
        // the plain build is no substitute: the guest's signed boot loader would then run unchecked
        assertRefused(c, "the VM boots with UEFI secure boot, but this host has no OVMF secure-boot firmware: neither "
                + ovmf.resolve("OVMF_CODE_4M.secboot.fd") + " with OVMF_VARS_4M.ms.fd");
        Files.createFile(ovmf.resolve("OVMF_CODE_4M.secboot.fd"));
        Files.createFile(ovmf.resolve("OVMF_VARS_4M.ms.fd"));
        DomainDefinition.UefiFirmware fw = factory.create(c).firmware();
        assertTrue(fw.secureBoot());
        assertEquals(ovmf.resolve("OVMF_CODE_4M.secboot.fd").toString(), fw.code());
        assertEquals(ovmf.resolve("OVMF_VARS_4M.ms.fd").toString(), fw.varsTemplate());
        assertFalse(factory.create(cmdUefi()).firmware().secureBoot());

        c.machineType = "pc";
        assertRefused(c, "secureBoot needs machineType q35, not pc");
        c.machineType = "q35";
        c.bootMode = "BIOS";
        assertRefused(c, "secureBoot needs bootMode UEFI, not BIOS");
    }

    private StartVmCmd cmdUefi() {
        StartVmCmd c = cmd();
        c.bootMode = "UEFI";
        return c;
    }

    @Test
    void theRealHostHasSecureBootOvmf() {
        DomainDefinition.UefiFirmware fw = new UefiFirmwareLocator().locate("01234567-89ab-cdef-0123-456789abcdef", true);
        assertTrue(Files.isRegularFile(Path.of(fw.code())) && fw.code().contains("secboot"), fw.toString());
    }

    @Test
    void uefiWithoutOvmfIsAClearError() throws Exception {
        Files.createFile(ovmf.resolve("OVMF_CODE_4M.fd")); // a code image without its VARS template is no use
        StartVmCmd c = cmd();
        c.bootMode = "uefi";
        assertRefused(c, "UEFI boot needs the OVMF firmware, but neither " + ovmf.resolve("OVMF_CODE_4M.fd")
                + " nor " + ovmf.resolve("OVMF_CODE.fd"));
    }

    @Test
    void theRealHostHasOvmf() {
        // the target hosts of this project install the ovmf package; this machine is one
        DomainDefinition.UefiFirmware fw = new UefiFirmwareLocator().locate("01234567-89ab-cdef-0123-456789abcdef");
        assertTrue(Files.isRegularFile(Path.of(fw.code())), fw.toString());
    }

    @Test
    void aMissingBridgeNamesBothCandidates() {
        StartVmCmd c = cmd();
        c.nics.get(0).bridgeName = "eth8";
        assertRefused(c, "no bridge for eth8 on this host: neither eth8 nor br_eth8 is a bridge");
        c.nics.get(0).bridgeName = "../etc";
        assertRefused(c, "bridgeName is not an interface name: ../etc");
        c.nics.get(0).bridgeName = null;
        assertRefused(c, "bridgeName is required");
    }

    @Test
    void requiredFieldsAndRanges() {
        StartVmCmd c = cmd();
        c.vmUuid = null;
        assertRefused(c, "vmUuid is required");
        c.vmUuid = "vm-1";
        assertRefused(c, "vmUuid is not a uuid: vm-1");

        c = cmd();
        c.cpuNum = 0;
        assertRefused(c, "cpuNum must be at least 1");
        c = cmd();
        c.memorySize = null;
        assertRefused(c, "memorySize must be a positive number of bytes");
        c = cmd();
        c.domainType = "xen";
        assertRefused(c, "domainType must be one of [kvm, qemu], not xen");
        c = cmd();
        c.machineType = "virt";
        assertRefused(c, "machineType must be one of [pc, q35], not virt");
        c = cmd();
        c.bootMode = "CSM";
        assertRefused(c, "bootMode must be BIOS or UEFI, not CSM");
        c = cmd();
        c.serialLogPath = "serial.log";
        assertRefused(c, "serialLogPath must be an absolute path: serial.log");
    }

    @Test
    void volumesAreChecked() {
        StartVmCmd c = cmd();
        c.volumes = List.of();
        assertRefused(c, "volumes must hold at least the root volume");
        c = cmd();
        c.volumes.get(0).deviceId = 0;
        assertRefused(c, "two volumes have deviceId 0");
        c = cmd();
        c.volumes.get(0).deviceId = null;
        assertRefused(c, "every volume needs a deviceId");
        c = cmd();
        c.volumes.get(0).installPath = tmp.resolve("absent.qcow2").toString();
        assertRefused(c, "volume vol-data does not exist at " + tmp.resolve("absent.qcow2"));
        c = cmd();
        c.volumes.get(0).installPath = "ps/data.raw";
        assertRefused(c, "installPath of volume vol-data must be an absolute path");
        c = cmd();
        c.volumes.get(0).format = "vmdk";
        assertRefused(c, "format of volume vol-data must be one of [qcow2, raw], not vmdk");
    }

    @Test
    void nicsAreChecked() {
        StartVmCmd c = cmd();
        c.nics.get(0).mac = "52:54:00:aa:bb";
        assertRefused(c, "nic 1: mac is not a MAC address: 52:54:00:aa:bb");
        c = cmd();
        c.nics.get(0).mac = "01:00:5e:00:00:01";
        assertRefused(c, "nic 1: mac 01:00:5e:00:00:01 is a multicast address");
        c = cmd();
        c.nics.get(0).mac = "52:54:00:aa:bb:01";
        assertRefused(c, "two nics have mac 52:54:00:aa:bb:01");
        c = cmd();
        c.nics.get(0).deviceId = 0;
        assertRefused(c, "two nics have deviceId 0");
        c = cmd();
        c.nics.get(0).model = "ne2k";
        assertRefused(c, "model of nic 1 must be one of [e1000, rtl8139, virtio], not ne2k");
        c = cmd();
        c.nics = null;
        assertTrue(factory.create(c).nics().isEmpty(), "a VM without NICs is a VM");
    }
}
