package org.zstack.v2v.agent.convert;

import org.zstack.v2v.agent.testsupport.RecordingContext;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentException;
import org.zstack.v2v.agent.job.JobRegistry;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Real conversions under TCG (2-4 minutes): the test guest (testlib's GuestImage: Debian 12 with open-vm-tools,
 * ifupdown on ens192, fstab on /dev/sda1) converted by ConvertCommand, checked inside its disks; and a blank disk
 * that must fail with virt-v2v's own reason. Needs virt-v2v and libguestfs-tools, root, and the guest image cache
 * (built by GuestImageCase or any case using GuestImage; -Dzstack.guest.dir=... to point at one). Run alone:
 * {@code mvn -o -pl plugin/v2v-agent test -Dtest=ConvertCommandIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConvertCommandIT {
    static final String TARGET_MAC = "52:54:00:12:34:56";

    /** kept when a test fails: the logs of the conversion are what one looks at then */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path storage;
    static Path guest;

    @BeforeAll
    static void findGuestImage() throws IOException {
        guest = guestImageDir();
        for (String tool : List.of("virt-v2v-in-place", "guestfish")) {
            assertTrue(onPath(tool), tool + " is not installed (apt-get install virt-v2v libguestfs-tools)");
        }
    }

    private ConvertCommand.ConvertCmd cmd(String jobUuid, List<String> disks) {
        ConvertCommand.ConvertCmd c = new ConvertCommand.ConvertCmd();
        c.jobUuid = jobUuid;
        c.apiId = "api-" + jobUuid;
        c.storagePath = storage.toString();
        c.disks = disks;
        c.vmName = "zstack-test-guest";
        // no usable KVM on the test machines
        c.forceTcg = true;
        c.timeoutSeconds = 1500L;
        c.progressBase = 40;
        c.progressSpan = 40;
        return c;
    }

    @Test
    @Order(1)
    void aBlankDiskFailsWithVirtV2vsOwnReasonAndTheLogsPath() throws Exception {
        Path job = Files.createDirectories(storage.resolve("job-blank"));
        Path disk = job.resolve("disk-0.raw");
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(64L << 20);
        }
        long t0 = System.nanoTime();
        AgentException e = assertThrows(AgentException.class, () ->
                new ConvertCommand(new JobRegistry()).handle(cmd("job-blank", List.of(disk.toString())), new RecordingContext()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[ConvertCommandIT] blank disk failed after %.1f s: %s%n", seconds, e.getMessage());

        Path log = job.resolve("virt-v2v.log");
        assertTrue(e.getMessage().startsWith("virt-v2v failed: virt-v2v-in-place: error: "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (log: " + log + ")"), e.getMessage());
        assertTrue(Files.size(log) > 10_000, "the whole verbose log is kept");
        assertTrue(seconds < 180, "fails at inspection, not after a timeout: " + seconds);
        assertFalse(Files.exists(job.resolve("convert.done")));
    }

    @Test
    @Order(2)
    void cancelKillsVirtV2vWithItsApplianceAtOnce() throws Exception {
        Path job = Files.createDirectories(storage.resolve("job-cancel"));
        Path disk = job.resolve("disk-0.raw");
        try (RandomAccessFile f = new RandomAccessFile(disk.toFile(), "rw")) {
            f.setLength(64L << 20);
        }
        JobRegistry registry = new JobRegistry();
        ConvertCommand.ConvertCmd c = cmd("job-cancel", List.of(disk.toString()));
        java.util.concurrent.CompletableFuture<Object> run = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new ConvertCommand(registry).handle(c, new RecordingContext());
            } catch (Exception e) {
                return e;
            }
        });
        // virt-v2v has started qemu for its appliance by then
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("").contains("qemu"))) {
            assertTrue(System.nanoTime() < deadline, "no qemu started within a minute");
            Thread.sleep(200);
        }
        long t0 = System.nanoTime();
        assertTrue(registry.cancel("job-cancel"), "something was running");
        Object outcome = run.get(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[ConvertCommandIT] canceled in %.1f s: %s%n", seconds, outcome);
        assertInstanceOf(org.zstack.v2v.agent.job.JobCanceledException.class, outcome);
        assertTrue(seconds < 10, "at once: " + seconds);
        Thread.sleep(1000);
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().orElse("?")).toList(), "nothing of the job survives");
    }

    @Test
    @Order(3)
    void convertsTheTestGuestAndNamesItsNicByMac() throws Exception {
        Path job = Files.createDirectories(storage.resolve("job-guest"));
        Path root = job.resolve("disk-0.raw");
        Path data = job.resolve("disk-1.raw");
        copySparse(guest.resolve("guest-root.raw"), root);
        copySparse(guest.resolve("guest-data.raw"), data);
        ConvertCommand.ConvertCmd c = cmd("job-guest", List.of(root.toString(), data.toString()));
        ConvertCommand.NicMapping nic = GuestNicTest.mapping(TARGET_MAC, "10.0.0.5", "255.255.255.0", "10.0.0.1", "10.0.0.2");
        nic.sourceMac = "00:50:56:00:00:01";
        c.nics = List.of(nic);
        RecordingContext ctx = new RecordingContext();
        var reports = ctx.reports();

        long t0 = System.nanoTime();
        ConvertCommand.ConvertRsp rsp = (ConvertCommand.ConvertRsp) new ConvertCommand(new JobRegistry())
                .handle(c, ctx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[ConvertCommandIT] converted in %.1f s: virt-v2v %.1f s, network %.1f s; %s %s %s, NICs %s%n",
                seconds, rsp.conversionSeconds, rsp.networkSeconds, rsp.osType, rsp.distro, rsp.osVersion, rsp.interfaces);

        assertTrue(rsp.isSuccess());
        assertEquals(job.resolve("virt-v2v.log").toString(), rsp.logPath);
        assertTrue(Files.size(Path.of(rsp.logPath)) > 10_000);
        assertEquals("linux", rsp.osType);
        assertEquals("debian", rsp.distro);
        assertTrue(rsp.osVersion.startsWith("12."), rsp.osVersion);
        assertEquals(List.of("net0"), rsp.interfaces);
        assertTrue(rsp.networkSeconds > 0 && rsp.conversionSeconds > rsp.networkSeconds);

        List<Integer> percents = reports.stream().map(RecordingContext.Report::percent).toList();
        for (int i = 1; i < percents.size(); i++) {
            assertTrue(percents.get(i) >= percents.get(i - 1), "monotonic: " + percents);
        }
        assertEquals(40, percents.get(0));
        assertEquals(80, percents.get(percents.size() - 1));
        assertTrue(reports.stream().anyMatch(r -> String.valueOf(r.detail().get("stage")).startsWith("Converting")),
                "virt-v2v's stages are reported");
        System.out.printf("[ConvertCommandIT] %d progress reports: %s%n", reports.size(), percents);

        Map<String, String> inside = readGuest(List.of(root, data), List.of(
                "cat /etc/network/interfaces", "cat /etc/fstab", "cat /etc/systemd/network/10-zstack-v2v-0.link",
                "exists /usr/bin/vmtoolsd", "grep \"^Package: open-vm-tools$\" /var/lib/dpkg/status",
                "cat /data/zstack-test-data"));
        String interfaces = inside.get("cat /etc/network/interfaces");
        assertTrue(interfaces.contains("auto net0\nallow-hotplug net0\niface net0 inet static\n    address 10.0.0.5\n"
                + "    netmask 255.255.255.0\n    gateway 10.0.0.1\n"), interfaces);
        assertFalse(interfaces.contains("ens192\n"), "the VMware NIC's stanza is gone: " + interfaces);
        assertTrue(interfaces.contains("iface lo inet loopback"), interfaces);
        assertTrue(inside.get("cat /etc/systemd/network/10-zstack-v2v-0.link")
                .contains("MACAddress=" + TARGET_MAC + "\n\n[Link]\nName=net0"));
        String fstab = inside.get("cat /etc/fstab");
        assertTrue(fstab.contains("/dev/vda1") || fstab.matches("(?s).*UUID=\\S+\\s+/\\s.*"), fstab);
        assertFalse(fstab.contains("/dev/sda1"), fstab);
        assertEquals("false", inside.get("exists /usr/bin/vmtoolsd").strip(), "VMware tools removed");
        assertEquals("", inside.get("grep \"^Package: open-vm-tools$\" /var/lib/dpkg/status").strip());
        assertEquals(Files.readString(guest.resolve("token")).strip(), inside.get("cat /data/zstack-test-data").strip(),
                "the data disk is still the data disk");

        // a retry of the same command answers from the job's record instead of converting again
        long t1 = System.nanoTime();
        ConvertCommand.ConvertRsp again = (ConvertCommand.ConvertRsp) new ConvertCommand(new JobRegistry()).handle(c, new RecordingContext());
        assertTrue((System.nanoTime() - t1) / 1e9 < 5);
        assertEquals(rsp.interfaces, again.interfaces);
        assertEquals(rsp.osVersion, again.osVersion);
    }

    /** Runs guestfish read-only with the disks mounted; the output of each command, by command. */
    private static Map<String, String> readGuest(List<Path> disks, List<String> commands) throws Exception {
        List<String> argv = new ArrayList<>(List.of("guestfish", "--ro", "--format=raw"));
        disks.forEach(d -> {
            argv.add("-a");
            argv.add(d.toString());
        });
        argv.add("-i");
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LIBGUESTFS_BACKEND", "direct");
        pb.environment().put("LIBGUESTFS_BACKEND_SETTINGS", "force_tcg");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        StringBuilder script = new StringBuilder();
        for (String command : commands) {
            script.append("echo ==== ").append(command.replace("\"", "")).append('\n').append(command).append('\n');
        }
        script.append("echo ==== end\n");
        p.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, StringBuilder> byHead = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("==== ")) {
                current = byHead.computeIfAbsent(line.substring(5), k -> new StringBuilder());
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        Map<String, String> sections = new LinkedHashMap<>();
        for (String command : commands) {
            StringBuilder text = byHead.get(command.replace("\"", ""));
            assertNotNull(text, "no output of " + command + ": " + out);
            sections.put(command, text.toString());
        }
        return sections;
    }

    private static void copySparse(Path from, Path to) throws Exception {
        Process p = new ProcessBuilder("cp", "--sparse=always", from.toString(), to.toString()).inheritIO().start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** As testlib's GuestImage finds its cache: the newest complete guest-&lt;hash&gt; directory. */
    private static Path guestImageDir() throws IOException {
        String configured = System.getProperty("zstack.guest.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        String cache = System.getProperty("zstack.guest.cache.dir", System.getenv("ZSTACK_V2V_CACHE"));
        Path root = cache != null ? Path.of(cache)
                : System.getenv("XDG_CACHE_HOME") != null ? Path.of(System.getenv("XDG_CACHE_HOME"), "zstack-v2v")
                : Path.of(System.getProperty("user.home"), ".cache", "zstack-v2v");
        if (Files.isDirectory(root)) {
            try (var dirs = Files.list(root)) {
                Path newest = dirs.filter(d -> d.getFileName().toString().matches("guest-[0-9a-f]+")
                                && Files.isRegularFile(d.resolve(".complete")) && Files.isRegularFile(d.resolve("guest-root.raw")))
                        .max(Comparator.comparing(d -> d.resolve(".complete").toFile().lastModified())).orElse(null);
                if (newest != null) {
                    return newest;
                }
            }
        }
        throw new AssertionError("no test guest image in " + root + ": build it first (the integration case"
                + " GuestImageCase does), or set -Dzstack.guest.dir");
    }
}
