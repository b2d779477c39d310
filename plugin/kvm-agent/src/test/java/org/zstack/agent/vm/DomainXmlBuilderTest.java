package org.zstack.agent.vm;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The domain XML, parsed back: every element the target host's VMs depend on. */
class DomainXmlBuilderTest {
    private static final String NAME = "0123456789abcdef0123456789abcdef";
    private static final String UUID = "01234567-89ab-cdef-0123-456789abcdef";

    private static DomainDefinition bios(String domainType) {
        return new DomainDefinition(NAME, UUID, "web-01", domainType, "pc", 2 * 1024 * 1024, 2, null,
                List.of(new DomainDefinition.Disk("vda", "/ps/root.qcow2", "qcow2", "none", "vol-root", true),
                        new DomainDefinition.Disk("vdb", "/ps/data.raw", "raw", "writeback", null, false)),
                List.of(new DomainDefinition.Nic("52:54:00:12:34:56", "br_eth0", "virtio"),
                        new DomainDefinition.Nic("52:54:00:12:34:57", "virbr0", "e1000")),
                "/var/log/zstack/serial.log");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String x(Document doc, String xpath) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        return xp.evaluate(xpath, doc);
    }

    private static int count(Document doc, String xpath) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        return ((NodeList) xp.evaluate(xpath, doc, XPathConstants.NODESET)).getLength();
    }

    @Test
    void biosKvmDomain() throws Exception {
        Document doc = parse(DomainXmlBuilder.toXml(bios("kvm")));
        assertEquals("kvm", x(doc, "/domain/@type"));
        assertEquals(NAME, x(doc, "/domain/name"));
        assertEquals(UUID, x(doc, "/domain/uuid"));
        assertEquals("web-01", x(doc, "/domain/title"));
        assertEquals("KiB", x(doc, "/domain/memory/@unit"));
        assertEquals("2097152", x(doc, "/domain/memory"));
        assertEquals("2097152", x(doc, "/domain/currentMemory"));
        assertEquals("2", x(doc, "/domain/vcpu"));
        assertEquals("hvm", x(doc, "/domain/os/type"));
        assertEquals("pc", x(doc, "/domain/os/type/@machine"));
        assertEquals("x86_64", x(doc, "/domain/os/type/@arch"));
        assertEquals(0, count(doc, "/domain/os/loader | /domain/os/nvram"), "BIOS: no firmware elements");
        assertEquals(0, count(doc, "/domain/os/boot"), "boot order is per device, never both");
        assertEquals(1, count(doc, "/domain/features/acpi"));
        assertEquals(1, count(doc, "/domain/features/apic"));
        assertEquals("host-passthrough", x(doc, "/domain/cpu/@mode"));
        assertEquals("destroy", x(doc, "/domain/on_poweroff"));
        assertEquals("restart", x(doc, "/domain/on_reboot"));
    }

    @Test
    void disksAreVirtioWithTheirFormatCacheAndTheRootBootsFirst() throws Exception {
        Document doc = parse(DomainXmlBuilder.toXml(bios("kvm")));
        assertEquals(2, count(doc, "/domain/devices/disk"));
        assertEquals("file", x(doc, "/domain/devices/disk[1]/@type"));
        assertEquals("disk", x(doc, "/domain/devices/disk[1]/@device"));
        assertEquals("vda", x(doc, "/domain/devices/disk[1]/target/@dev"));
        assertEquals("virtio", x(doc, "/domain/devices/disk[1]/target/@bus"));
        assertEquals("/ps/root.qcow2", x(doc, "/domain/devices/disk[1]/source/@file"));
        assertEquals("qemu", x(doc, "/domain/devices/disk[1]/driver/@name"));
        assertEquals("qcow2", x(doc, "/domain/devices/disk[1]/driver/@type"));
        assertEquals("none", x(doc, "/domain/devices/disk[1]/driver/@cache"));
        assertEquals("vol-root", x(doc, "/domain/devices/disk[1]/serial"));
        assertEquals("1", x(doc, "/domain/devices/disk[1]/boot/@order"));

        assertEquals("vdb", x(doc, "/domain/devices/disk[2]/target/@dev"));
        assertEquals("raw", x(doc, "/domain/devices/disk[2]/driver/@type"));
        assertEquals("writeback", x(doc, "/domain/devices/disk[2]/driver/@cache"));
        assertEquals(0, count(doc, "/domain/devices/disk[2]/serial | /domain/devices/disk[2]/boot"));
    }

    @Test
    void nicsAreBridgedWithTheirMacAndModel() throws Exception {
        Document doc = parse(DomainXmlBuilder.toXml(bios("kvm")));
        assertEquals(2, count(doc, "/domain/devices/interface[@type='bridge']"));
        assertEquals("52:54:00:12:34:56", x(doc, "/domain/devices/interface[1]/mac/@address"));
        assertEquals("br_eth0", x(doc, "/domain/devices/interface[1]/source/@bridge"));
        assertEquals("virtio", x(doc, "/domain/devices/interface[1]/model/@type"));
        assertEquals("virbr0", x(doc, "/domain/devices/interface[2]/source/@bridge"));
        assertEquals("e1000", x(doc, "/domain/devices/interface[2]/model/@type"));
    }

    @Test
    void consoleVncAndTheSmallDevices() throws Exception {
        Document doc = parse(DomainXmlBuilder.toXml(bios("kvm")));
        assertEquals("pty", x(doc, "/domain/devices/serial/@type"));
        assertEquals("/var/log/zstack/serial.log", x(doc, "/domain/devices/serial/log/@file"));
        assertEquals("off", x(doc, "/domain/devices/serial/log/@append"));
        assertEquals("0", x(doc, "/domain/devices/serial/target/@port"));
        assertEquals("pty", x(doc, "/domain/devices/console/@type"));
        assertEquals("serial", x(doc, "/domain/devices/console/target/@type"));
        assertEquals("vnc", x(doc, "/domain/devices/graphics/@type"));
        assertEquals("yes", x(doc, "/domain/devices/graphics/@autoport"));
        assertEquals("127.0.0.1", x(doc, "/domain/devices/graphics/@listen"));
        assertEquals("127.0.0.1", x(doc, "/domain/devices/graphics/listen/@address"));
        assertEquals(0, count(doc, "/domain/devices/sound"));
        assertEquals("virtio", x(doc, "/domain/devices/memballoon/@model"));
        assertEquals("virtio", x(doc, "/domain/devices/rng/@model"));
        assertEquals("/dev/urandom", x(doc, "/domain/devices/rng/backend"));
        // the guest agent's port: libvirt gives the socket, qemu-guest-agent in the guest opens the port
        assertEquals(1, count(doc, "/domain/devices/channel[@type='unix']/target[@type='virtio'][@name='org.qemu.guest_agent.0']"));
        assertEquals(0, count(doc, "/domain/features/smm"));
        assertEquals(0, count(doc, "/domain/os/loader"));
    }

    @Test
    void secureBootDomainHasSmmAndASecureLoader() throws Exception {
        DomainDefinition d = new DomainDefinition(NAME, UUID, null, "qemu", "q35", 524288, 1,
                new DomainDefinition.UefiFirmware("/usr/share/OVMF/OVMF_CODE_4M.secboot.fd", "/usr/share/OVMF/OVMF_VARS_4M.ms.fd",
                        "/var/lib/libvirt/qemu/nvram/" + UUID + "_VARS.fd", true),
                List.of(new DomainDefinition.Disk("vda", "/ps/root.qcow2", "qcow2", "none", null, true)), List.of(), null);
        Document doc = parse(DomainXmlBuilder.toXml(d));
        assertEquals("on", x(doc, "/domain/features/smm/@state"));
        assertEquals("yes", x(doc, "/domain/os/loader/@secure"));
        assertEquals("/usr/share/OVMF/OVMF_CODE_4M.secboot.fd", x(doc, "/domain/os/loader"));
        assertEquals("/usr/share/OVMF/OVMF_VARS_4M.ms.fd", x(doc, "/domain/os/nvram/@template"));
    }

    @Test
    void uefiQemuQ35DomainWithoutSerialLogOrTitle() throws Exception {
        DomainDefinition d = new DomainDefinition(NAME, UUID, null, "qemu", "q35", 524288, 1,
                new DomainDefinition.UefiFirmware("/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd",
                        "/var/lib/libvirt/qemu/nvram/" + UUID + "_VARS.fd", false),
                List.of(new DomainDefinition.Disk("vda", "/ps/root.qcow2", "qcow2", "none", null, true)), List.of(), null);
        Document doc = parse(DomainXmlBuilder.toXml(d));
        assertEquals("qemu", x(doc, "/domain/@type"));
        assertEquals("q35", x(doc, "/domain/os/type/@machine"));
        assertEquals(0, count(doc, "/domain/cpu"), "TCG: QEMU's default CPU, no host-passthrough");
        assertEquals(0, count(doc, "/domain/title"));
        assertEquals("/usr/share/OVMF/OVMF_CODE_4M.fd", x(doc, "/domain/os/loader"));
        assertEquals("yes", x(doc, "/domain/os/loader/@readonly"));
        assertEquals("pflash", x(doc, "/domain/os/loader/@type"));
        assertEquals("", x(doc, "/domain/os/loader/@secure"));
        assertEquals(0, count(doc, "/domain/features/smm"));
        assertEquals("/var/lib/libvirt/qemu/nvram/" + UUID + "_VARS.fd", x(doc, "/domain/os/nvram"));
        assertEquals("/usr/share/OVMF/OVMF_VARS_4M.fd", x(doc, "/domain/os/nvram/@template"));
        assertEquals(0, count(doc, "/domain/devices/interface"));
        assertEquals(1, count(doc, "/domain/devices/serial"), "the console is there even without a log");
        assertEquals(0, count(doc, "/domain/devices/serial/log"));
    }

    @Test
    void textAndAttributesAreEscaped() throws Exception {
        DomainDefinition d = new DomainDefinition(NAME, UUID, "a<b> & 'c' \"d\"", "qemu", "pc", 1024, 1, null,
                List.of(new DomainDefinition.Disk("vda", "/ps/it's & <x>.qcow2", "qcow2", "none", null, true)),
                List.of(), null);
        Document doc = parse(DomainXmlBuilder.toXml(d));
        assertEquals("a<b> & 'c' \"d\"", x(doc, "/domain/title"));
        assertEquals("/ps/it's & <x>.qcow2", ((Element) doc.getElementsByTagName("source").item(0)).getAttribute("file"));
    }
}
