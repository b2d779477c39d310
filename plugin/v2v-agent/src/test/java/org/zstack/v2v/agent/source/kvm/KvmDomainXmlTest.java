package org.zstack.v2v.agent.source.kvm;

import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class KvmDomainXmlTest {
    /** UEFI by loader, a cdrom first in the document, three disks of three kinds, two NICs of two kinds */
    static final String UEFI_THREE_DISKS = """
            <domain type='kvm' id='3'>
              <name>web-1</name>
              <uuid>6f1c2a9e-3b1d-4f6e-9a55-0d2b7c1e8f10</uuid>
              <memory unit='KiB'>2097152</memory>
              <currentMemory unit='KiB'>1048576</currentMemory>
              <vcpu placement='static' current='2'>4</vcpu>
              <os>
                <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
                <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>
                <nvram>/var/lib/libvirt/qemu/nvram/web-1_VARS.fd</nvram>
                <boot dev='hd'/>
              </os>
              <devices>
                <disk type='file' device='cdrom'>
                  <driver name='qemu' type='raw'/>
                  <source file='/isos/debian.iso'/>
                  <target dev='sda' bus='sata'/>
                  <readonly/>
                </disk>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='/var/lib/libvirt/images/web-1.qcow2'/>
                  <backingStore type='file'>
                    <format type='qcow2'/>
                    <source file='/var/lib/libvirt/images/base.qcow2'/>
                    <backingStore/>
                  </backingStore>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='volume' device='disk'>
                  <driver name='qemu' type='raw'/>
                  <source pool='data' volume='web-1-data'/>
                  <backingStore/>
                  <target dev='vdb' bus='virtio'/>
                </disk>
                <disk type='network' device='disk'>
                  <driver name='qemu' type='raw'/>
                  <source protocol='rbd' name='rbd-pool/web-1-logs'>
                    <host name='10.0.0.1' port='6789'/>
                  </source>
                  <target dev='sdb' bus='scsi'/>
                </disk>
                <interface type='network'>
                  <mac address='52:54:00:aa:bb:01'/>
                  <source network='default' portid='1e5b' bridge='virbr0'/>
                  <model type='virtio'/>
                </interface>
                <interface type='bridge'>
                  <mac address='52:54:00:aa:bb:02'/>
                  <source bridge='br-data'/>
                  <model type='e1000'/>
                </interface>
              </devices>
            </domain>
            """;

    @Test
    void readsTheDomainsFacts() {
        KvmDomain d = KvmDomainXml.parse(UEFI_THREE_DISKS);
        assertEquals("web-1", d.name);
        assertEquals("6f1c2a9e-3b1d-4f6e-9a55-0d2b7c1e8f10", d.uuid);
        assertEquals(2, d.cpuNum, "the current vcpus, not the hot-plug maximum");
        assertEquals(2L << 30, d.memorySize);
        assertEquals("uefi", d.firmware);
        assertEquals("pc-q35-7.2", d.machine);
        assertFalse(d.virtioReady, "one disk on scsi and one e1000 NIC");
    }

    @Test
    void leavesTheCdromOutAndNumbersTheDisksInDocumentOrder() {
        List<KvmDisk> disks = KvmDomainXml.parse(UEFI_THREE_DISKS).disks;
        assertEquals(List.of("vda", "vdb", "sdb"), disks.stream().map(x -> x.target).toList());
        assertEquals(List.of(0, 1, 2), disks.stream().map(x -> x.index).toList());
    }

    @Test
    void aFileDiskWithABackingChain() {
        KvmDisk vda = KvmDomainXml.parse(UEFI_THREE_DISKS).disks.get(0);
        assertEquals("file", vda.type);
        assertEquals("/var/lib/libvirt/images/web-1.qcow2", vda.path);
        assertEquals("qcow2", vda.format);
        assertEquals("virtio", vda.bus);
        assertTrue(vda.backing);
        assertTrue(vda.supported);
    }

    @Test
    void aVolumeDiskKeepsItsPoolForTheInspectorToResolve() {
        KvmDisk vdb = KvmDomainXml.parse(UEFI_THREE_DISKS).disks.get(1);
        assertEquals("volume", vdb.type);
        assertEquals("data", vdb.pool);
        assertEquals("web-1-data", vdb.volume);
        assertNull(vdb.path);
        assertFalse(vdb.backing, "an empty <backingStore/> means none");
        assertTrue(vdb.supported);
    }

    @Test
    void anRbdDiskIsListedButNotSupported() {
        KvmDisk sdb = KvmDomainXml.parse(UEFI_THREE_DISKS).disks.get(2);
        assertEquals("network", sdb.type);
        assertEquals("rbd", sdb.protocol);
        assertEquals("rbd-pool/web-1-logs", sdb.path);
        assertFalse(sdb.supported);
        assertEquals("disk sdb is on rbd storage (network): not supported", sdb.unsupportedReason);
    }

    @Test
    void nicsAreNamedByNetworkElseBridgeElseDevice() {
        List<KvmNic> nics = KvmDomainXml.parse(UEFI_THREE_DISKS).nics;
        assertEquals(2, nics.size());
        KvmNic a = nics.get(0);
        assertEquals("52:54:00:aa:bb:01", a.mac);
        assertEquals("network", a.type);
        assertEquals("default", a.network);
        assertEquals("virbr0", a.bridge);
        assertEquals("default", a.networkName);
        assertEquals("virtio", a.model);
        KvmNic b = nics.get(1);
        assertEquals("bridge", b.type);
        assertNull(b.network);
        assertEquals("br-data", b.networkName);
        assertEquals("e1000", b.model);

        KvmNic direct = KvmDomainXml.parse(domain("", """
                <interface type='direct'><mac address='52:54:00:aa:bb:03'/><source dev='eth1' mode='bridge'/>
                <model type='virtio'/></interface>""")).nics.get(0);
        assertEquals("eth1", direct.networkName);
    }

    @Test
    void aPerDeviceBootOrderPutsThatDiskFirstAndKeepsTheRestInDocumentOrder() {
        KvmDomain d = KvmDomainXml.parse(domain("", """
                <disk type='file' device='disk'><source file='/a'/><target dev='vda' bus='virtio'/></disk>
                <disk type='file' device='disk'><source file='/b'/><target dev='vdb' bus='virtio'/></disk>
                <disk type='block' device='disk'><source dev='/dev/vg/c'/><target dev='vdc' bus='virtio'/>
                  <boot order='2'/></disk>
                <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><boot order='1'/></disk>
                <interface type='network'><source network='default'/><model type='virtio'/></interface>"""));
        assertEquals(List.of("vdc", "vda", "vdb"), d.disks.stream().map(x -> x.target).toList());
        assertEquals("/dev/vg/c", d.disks.get(0).path);
        assertEquals(0, d.disks.get(0).index);
        assertTrue(d.virtioReady);
    }

    @Test
    void firmwareEfiAttributeIsUefiAndNoLoaderIsBios() {
        assertEquals("uefi", KvmDomainXml.parse(domain(" firmware='efi'", "")).firmware);
        assertEquals("bios", KvmDomainXml.parse(domain("", "")).firmware);
    }

    @Test
    void memoryUnitsAndDefaults() {
        String xml = "<domain><name>m</name><memory unit='GiB'>3</memory><vcpu>1</vcpu></domain>";
        assertEquals(3L << 30, KvmDomainXml.parse(xml).memorySize);
        assertEquals(1, KvmDomainXml.parse(xml).cpuNum);
        assertEquals(512L << 10, KvmDomainXml.parse("<domain><memory>512</memory></domain>").memorySize);
    }

    @Test
    void aDiskWithoutSourceIsNotSupported() {
        KvmDisk k = KvmDomainXml.parse(domain("", """
                <disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>""")).disks.get(0);
        assertFalse(k.supported);
        assertTrue(k.unsupportedReason.contains("vda has no source"), k.unsupportedReason);
    }

    @Test
    void aVolumesTypeAndBackingFile() {
        KvmDomainXml.VolumeFacts top = KvmDomainXml.volume("""
                <volume type='file'><name>root.qcow2</name><target><path>/p/root.qcow2</path></target>
                  <backingStore><path>/p/base.qcow2</path><format type='qcow2'/></backingStore></volume>""");
        assertEquals("file", top.type());
        assertTrue(top.backing());
        KvmDomainXml.VolumeFacts rbd = KvmDomainXml.volume("<volume type='network'><name>x</name></volume>");
        assertEquals("network", rbd.type());
        assertFalse(rbd.backing());
    }

    @Test
    void refusesDoctypesAndOtherDocuments() {
        assertThrows(AgentException.class, () -> KvmDomainXml.parse(
                "<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain><name>&x;</name></domain>"));
        assertThrows(AgentException.class, () -> KvmDomainXml.parse("<network/>"));
    }

    private static String domain(String osAttributes, String devices) {
        return "<domain type='kvm'><name>t</name><uuid>u</uuid><memory unit='MiB'>256</memory><vcpu>1</vcpu>"
                + "<os" + osAttributes + "><type machine='pc'>hvm</type><boot dev='hd'/></os>"
                + "<devices>" + devices + "</devices></domain>";
    }
}
