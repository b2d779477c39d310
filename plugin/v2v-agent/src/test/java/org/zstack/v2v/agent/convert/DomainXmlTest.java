package org.zstack.v2v.agent.convert;

import org.junit.jupiter.api.Test;
import org.zstack.agent.AgentException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DomainXmlTest {
    @Test
    void describesRawDisksRootFirstOnTheirVmwareBus() {
        String xml = DomainXml.render("web-01", List.of(Path.of("/c/j/disk-0.raw"), Path.of("/c/j/disk-1.raw"),
                Path.of("/c/j/disk-2.raw")), Arrays.asList("lsilogic", null, "sata"));

        assertTrue(xml.startsWith("<domain type='vmware'>"), xml);
        assertTrue(xml.contains("<name>web-01</name>"), xml);
        int d0 = xml.indexOf("<source file='/c/j/disk-0.raw'/>");
        int d1 = xml.indexOf("<source file='/c/j/disk-1.raw'/>");
        assertTrue(d0 > 0 && d1 > d0, "root disk first: " + xml);
        assertTrue(xml.contains("<target dev='sda' bus='scsi'/>"), xml);
        assertTrue(xml.contains("<target dev='sdb' bus='scsi'/>"), xml);
        // SATA disks count separately from SCSI ones in libvirt, each bus from "a"
        assertTrue(xml.contains("<target dev='sda' bus='sata'/>"), xml);
        assertEquals(3, xml.split("<driver name='qemu' type='raw'/>", -1).length - 1);
    }

    @Test
    void escapesTheNameAndPaths() {
        String xml = DomainXml.render("a<b>&'c\"\u0001", List.of(Path.of("/c/it's/disk-0.raw")), null);
        assertTrue(xml.contains("<name>a&lt;b&gt;&amp;&apos;c&quot;</name>"), xml);
        assertTrue(xml.contains("<source file='/c/it&apos;s/disk-0.raw'/>"), xml);
    }

    @Test
    void idePutsAtMostFourDisksAsHdNames() {
        List<Path> five = List.of(Path.of("/a"), Path.of("/b"), Path.of("/c"), Path.of("/d"), Path.of("/e"));
        String xml = DomainXml.render("x", five.subList(0, 4), List.of("ide", "ide", "ide", "ide"));
        assertTrue(xml.contains("<target dev='hdd' bus='ide'/>"), xml);
        assertThrows(AgentException.class, () -> DomainXml.render("x", five, List.of("ide", "ide", "ide", "ide", "ide")));
        assertThrows(AgentException.class, () -> DomainXml.render("x", five, List.of("floppy")));
    }

    @Test
    void namesDrivesLikeTheKernel() {
        assertEquals("a", DomainXml.driveLetters(0));
        assertEquals("z", DomainXml.driveLetters(25));
        assertEquals("aa", DomainXml.driveLetters(26));
        assertEquals("ab", DomainXml.driveLetters(27));
        assertEquals("ba", DomainXml.driveLetters(52));
    }
}
