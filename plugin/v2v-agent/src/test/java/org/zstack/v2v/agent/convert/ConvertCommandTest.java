package org.zstack.v2v.agent.convert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.JobRegistry;
import org.zstack.v2v.agent.testsupport.RecordingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The command's checks and plumbing that need no virt-v2v run. */
class ConvertCommandTest {
    @TempDir
    Path tmp;

    private ConvertCommand.ConvertCmd cmd(String jobUuid) {
        ConvertCommand.ConvertCmd c = new ConvertCommand.ConvertCmd();
        c.jobUuid = jobUuid;
        c.storagePath = tmp.toString();
        return c;
    }

    private static String failure(ConvertCommand.ConvertCmd c) {
        return assertThrows(AgentException.class, () -> new ConvertCommand(new JobRegistry()).handle(c, new RecordingContext())).getMessage();
    }

    @Test
    void refusesBadInputBeforeTouchingAnything() throws Exception {
        assertTrue(failure(cmd("../etc")).startsWith("jobUuid must be a plain name"), failure(cmd("../etc")));
        ConvertCommand.ConvertCmd relative = cmd("job-1");
        relative.storagePath = "cache";
        assertTrue(failure(relative).startsWith("storagePath must be an absolute path"));
        assertTrue(failure(cmd("job-1")).startsWith("no disks to convert"));

        ConvertCommand.ConvertCmd dir = cmd("job-1");
        dir.disks = List.of(tmp.toString());
        assertTrue(failure(dir).endsWith("is not a regular file"), failure(dir));

        Path disk = Files.createDirectories(tmp.resolve("job-1")).resolve("disk-0.raw");
        Files.write(disk, new byte[512]);
        ConvertCommand.ConvertCmd badNic = cmd("job-1");
        badNic.nics = List.of(GuestNicTest.mapping("52:54:00:aa:bb:01", "10.0.0.5", null, null));
        assertTrue(failure(badNic).contains("netmask is required"), failure(badNic));
        assertFalse(Files.exists(tmp.resolve("job-1/virt-v2v.log")));
    }

    @Test
    void findsTheJobsDisksByIndexWhenNoneAreGiven() throws Exception {
        Path job = Files.createDirectories(tmp.resolve("job-2"));
        for (String n : List.of("disk-10.raw", "disk-2.raw", "disk-0.raw", "disk-1.done", "other.raw")) {
            Files.write(job.resolve(n), new byte[1]);
        }
        assertEquals(List.of(job.resolve("disk-0.raw"), job.resolve("disk-2.raw"), job.resolve("disk-10.raw")),
                ConvertCommand.disks(cmd("job-2"), job, new RecordingContext().allowedRoots()));
    }

    @Test
    void passesFixedWindowsAddressesToVirtV2vAndNothingElse() {
        List<GuestNic> nics = List.of(NetworkConfigRenderingTest.DHCP, NetworkConfigRenderingTest.STATIC,
                NetworkConfigRenderingTest.STATIC6);
        assertEquals(List.of("virt-v2v-in-place", "-v", "-x", "--root", "first",
                        "--mac", "52:54:00:aa:bb:02:ip:10.0.0.5,10.0.0.1,24,10.0.0.2,10.0.0.3",
                        "-i", "libvirtxml", "/c/j/v2v-input.xml"),
                VirtV2VInPlace.argv(Path.of("/c/j/v2v-input.xml"), nics));
    }

    @Test
    void quotesGuestfishArgumentsThatAreNotPlain() {
        assertEquals("/etc/network/interfaces", GuestfishSession.quote("/etc/network/interfaces"));
        assertEquals("\"/etc/NetworkManager/system-connections/Wired connection 1.nmconnection\"",
                GuestfishSession.quote("/etc/NetworkManager/system-connections/Wired connection 1.nmconnection"));
        assertEquals("\"^(type|interface-name)=\"", GuestfishSession.quote("^(type|interface-name)="));
        assertEquals("\"a\\\"b\\\\c\\nd\"", GuestfishSession.quote("a\"b\\c\nd"));
    }

    @Test
    void reportsOnTheJobsScaleAtMostOnceASecond() {
        RecordingContext ctx = new RecordingContext();
        var reports = ctx.reports();
        ConvertProgressReporter r = new ConvertProgressReporter(ctx, "api-1", 40, 40, 2);
        r.report(0, "starting virt-v2v", true);
        r.report(0.5, "Converting", false);
        r.report(0.6, "Converting", false);
        r.report(1, "converted", true);
        assertEquals(2, reports.size(), "the two in between came within a second");
        assertEquals(40, reports.get(0).percent());
        assertEquals(80, reports.get(1).percent());
        Map<String, Object> detail = reports.get(1).detail();
        assertEquals(Map.of("phase", "convert", "stage", "converted", "disks", 2), new HashMap<>(detail));
        assertEquals(60, r.percent(0.5));
        assertEquals(80, r.percent(1.7));
    }

}
