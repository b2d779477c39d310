package org.zstack.v2v.agent.convert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Reading virt-v2v's log: the error line, the inspection, the stage lines. */
class ConversionLogTest {
    @TempDir
    Path tmp;

    @Test
    void virtV2vsOwnErrorLineWinsOverEarlierLibguestfsErrors() {
        ConversionLog.Summary s = ConversionLog.read("""
                # virt-v2v-in-place -v -x -i libvirtxml /x.xml
                [   0.0] Setting up the source: -i libvirtxml /x.xml
                libguestfs: error: aug_get: no matching node
                [  20.1] Inspecting the source
                virt-v2v-in-place: error: inspection could not detect the source guest (or physical machine).

                Assuming that you are running virt-v2v/virt-p2v on a source which is
                supported (and not, for example, a blank disk), then this should not
                libguestfs: closing guestfs handle 0x55 (state 2)
                """);
        assertEquals("virt-v2v-in-place: error: inspection could not detect the source guest (or physical machine).",
                s.errorLine());
    }

    @Test
    void withoutItTheLastLibguestfsErrorThenGuestfishsOwnThenTheLastLine() {
        assertEquals("*stdin*:9: libguestfs: error: upload: /etc/x: Read-only file system",
                ConversionLog.read("libguestfs: error: mount_ro: /dev/sdc: No such file\n"
                        + "*stdin*:9: libguestfs: error: upload: /etc/x: Read-only file system\nbye\n").errorLine());
        assertEquals("guestfish: no operating system was found on this disk",
                ConversionLog.read("libguestfs: error: x\nguestfish: no operating system was found on this disk\n").errorLine());
        assertEquals("qemu-system-x86_64: terminating on signal 9",
                ConversionLog.read("# header\nsomething\nqemu-system-x86_64: terminating on signal 9\n\n").errorLine());
        assertNull(ConversionLog.read("# only our header\n").errorLine());
    }

    @Test
    void readsTheInspectionVirtV2vPrintsWithVerbose() {
        GuestOs os = ConversionLog.read("""
                [  25.0] Inspecting the source
                inspection:
                    i_root = /dev/sda1
                    i_type = linux
                    i_distro = debian
                    i_osinfo = debian12
                    i_arch = x86_64
                    i_major_version = 12
                    i_minor_version = 15
                    i_package_format = deb
                    i_product_name = Debian GNU/Linux 12 (bookworm)
                [  30.0] Converting Debian GNU/Linux 12 (bookworm) to run on KVM
                """).guestOs();
        assertEquals(new GuestOs("linux", "debian", 12, 15, "Debian GNU/Linux 12 (bookworm)"), os);
        assertEquals("12.15", os.version());
        assertFalse(os.isWindows());

        GuestOs fromStageOnly = ConversionLog.read("[  30.0] Converting Windows Server 2019 to run on KVM\n").guestOs();
        assertEquals("Windows Server 2019", fromStageOnly.productName());
        assertFalse(fromStageOnly.isKnown());
        assertEquals(new GuestOs("windows", "windows", 10, 0, "Windows Server 2019"),
                new GuestOs("windows", null, 10, 0, null).orElse(new GuestOs("linux", "windows", 6, 1, "Windows Server 2019")));
    }

    @Test
    void readsALogWithBytesThatAreNotUtf8() throws Exception {
        Path log = tmp.resolve("virt-v2v.log");
        Files.write(log, new byte[]{'x', (byte) 0xff, (byte) 0xfe, '\n', 'v', 'i', 'r', 't', '-', 'v', '2', 'v', ':', ' ',
                'e', 'r', 'r', 'o', 'r', ':', ' ', 'b', 'a', 'd', '\n'});
        assertEquals("virt-v2v: error: bad", ConversionLog.read(log).errorLine());
        assertNull(ConversionLog.read(tmp.resolve("missing")).errorLine());
    }

    @Test
    void progressFollowsTheStagesAndNeverRunsAheadOfThem() {
        ConversionProgress p = new ConversionProgress(0);
        assertEquals(0, p.fraction(0), 1e-9);
        double early = p.fraction(60_000);
        assertTrue(early > 0 && early < 0.03, "creeps within its stage: " + early);

        assertTrue(p.onLine("[   1.2] Opening the source", 1_000));
        assertFalse(p.onLine("libguestfs: trace: launch", 2_000));
        assertFalse(p.onLine("[    4.256313] Converting is not a kernel message, but it looks like one", 2_000));
        assertTrue(p.onLine("[  40.0] Inspecting the source", 40_000));
        assertTrue(p.onLine("[  45.0] Converting Debian GNU/Linux 12 (bookworm) to run on KVM", 45_000));
        assertEquals("Converting Debian GNU/Linux 12 (bookworm) to run on KVM", p.stageLine());
        double atStart = p.fraction(45_000);
        double later = p.fraction(165_000);
        double muchLater = p.fraction(3_600_000);
        assertTrue(atStart < later && later < muchLater && muchLater < 0.90, atStart + " " + later + " " + muchLater);
        assertFalse(p.onLine("[  46.0] Opening the source", 46_000), "stages do not go back");
        assertTrue(p.onLine("[ 200.0] Finishing off", 200_000));
        assertTrue(p.fraction(200_000) >= 0.97 && p.fraction(10_000_000) < 1.0);
    }

    @Test
    void logTailGivesCompleteLinesOnly() throws Exception {
        Path log = tmp.resolve("growing.log");
        Files.writeString(log, "# header\n");
        LogTail tail = new LogTail(log, Files.size(log));
        assertEquals(List.of(), tail.newLines());
        Files.writeString(log, "[   0.0] Setting up\n[   1.0] Open", StandardOpenOption.APPEND);
        assertEquals(List.of("[   0.0] Setting up"), tail.newLines());
        Files.writeString(log, "ing the source\nx\n", StandardOpenOption.APPEND);
        assertEquals(List.of("[   1.0] Opening the source", "x"), tail.newLines());
        Files.write(log, "é\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertEquals(List.of("é"), tail.newLines());
    }
}
