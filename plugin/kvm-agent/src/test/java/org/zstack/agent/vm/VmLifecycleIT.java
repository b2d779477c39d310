package org.zstack.agent.vm;

import org.zstack.agent.testsupport.TestSecret;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.ProcessRunner;
import org.zstack.agent.runtime.AgentServer;
import org.zstack.agent.testsupport.AgentClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The VM commands against this machine's real libvirtd, with TCG domains (no usable KVM here): a VM defined,
 * started on the default network's bridge with its serial console logged, found running, and destroyed without a
 * trace. Timings go to the test's output (target/failsafe-reports/*-output.txt).
 */
class VmLifecycleIT {
    @TempDir
    static Path stateDir;
    static AgentServer agent;
    static AgentClient client;
    static String bridge;

    @BeforeAll
    static void start() throws Exception {
        long t0 = System.nanoTime();
        LocalLibvirtd.ensureRunning();
        bridge = LocalLibvirtd.defaultNetworkBridge();
        System.out.printf("libvirtd and the default network (%s) ready in %d ms%n", bridge, millisSince(t0));
        agent = new AgentServer(new AgentConfig("127.0.0.4", 0, LocalLibvirtd.URI, stateDir));
        TestSecret.install(agent.config());
        agent.start();
        // the volumes are in JUnit's temporary directories: the root the node would have registered
        agent.allowedRoots().register(List.of(System.getProperty("java.io.tmpdir")));
        client = new AgentClient("127.0.0.4", agent.port());
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.stop();
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** A directory QEMU (user libvirt-qemu) can reach: JUnit makes its temporary directories private to root. */
    private static Path reachable(Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    private static Path blankQcow2(Path dir, String name) throws Exception {
        Path disk = dir.resolve(name);
        ProcessRunner.Result r = ProcessRunner.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "64M"),
                Duration.ofSeconds(30));
        assertTrue(r.ok(), r.toString());
        return disk;
    }

    private static String randomMac() {
        long r = UUID.randomUUID().getLeastSignificantBits();
        return String.format("52:54:00:%02x:%02x:%02x", (r >> 16) & 0xff, (r >> 8) & 0xff, r & 0xff);
    }

    private static void assertOk(JsonObject rsp) {
        assertTrue(rsp.get("success").getAsBoolean(), rsp.toString());
    }

    private static JsonObject states(String vmUuid) {
        JsonObject rsp = client.call("/vm/state", "{\"vmUuids\":[\"" + vmUuid + "\"]}");
        assertOk(rsp);
        return rsp.getAsJsonObject("states");
    }

    /** Whatever a failed run left behind goes, so that the next run starts clean. */
    private static void removeQuietly(String vmUuid) throws Exception {
        LocalLibvirtd.virsh("destroy", vmUuid);
        LocalLibvirtd.virsh("undefine", "--nvram", vmUuid);
    }

    @Test
    @Timeout(180)
    void biosVmOnTheDefaultNetworkStartsLogsItsSerialAndIsDestroyed(@TempDir Path tmp) throws Exception {
        Path dir = reachable(tmp);
        Path disk = blankQcow2(dir, "root.qcow2");
        Path data = blankQcow2(dir, "data.qcow2");
        Path serialLog = dir.resolve("logs/serial.log");
        String vmUuid = UUID.randomUUID().toString().replace("-", "");
        String mac = randomMac();
        String cmd = "{\"vmUuid\":\"" + vmUuid + "\",\"vmName\":\"it-bios\",\"cpuNum\":1,\"memorySize\":134217728,"
                + "\"domainType\":\"qemu\",\"machineType\":\"pc\",\"bootMode\":\"BIOS\","
                + "\"volumes\":[{\"uuid\":\"vol-data\",\"installPath\":\"" + data + "\",\"format\":\"qcow2\",\"deviceId\":1},"
                + "{\"uuid\":\"vol-root\",\"installPath\":\"" + disk + "\",\"format\":\"qcow2\",\"deviceId\":0}],"
                + "\"nics\":[{\"mac\":\"" + mac + "\",\"bridgeName\":\"" + bridge + "\",\"deviceId\":0,\"model\":\"virtio\"}],"
                + "\"serialLogPath\":\"" + serialLog + "\",\"start\":%s}";
        try {
            long t0 = System.nanoTime();
            assertEquals(0, states(vmUuid).size(), "no such domain yet");
            System.out.printf("first /vm/state (opens the read-write qemu:///system connection): %d ms%n", millisSince(t0));

            t0 = System.nanoTime();
            JsonObject defined = client.call("/vm/start", String.format(cmd, "false"));
            assertOk(defined);
            assertEquals("Stopped", defined.get("state").getAsString());
            System.out.printf("define only (start=false): %d ms%n", millisSince(t0));
            assertEquals("Stopped", states(vmUuid).get(vmUuid).getAsString());

            // the stopped domain is defined again from the command and started: what a rerun does
            t0 = System.nanoTime();
            JsonObject started = client.call("/vm/start", String.format(cmd, "true"));
            assertOk(started);
            assertEquals("Running", started.get("state").getAsString());
            System.out.printf("define+start: %d ms%n", millisSince(t0));
            assertEquals("Running", states(vmUuid).get(vmUuid).getAsString());

            assertTrue(Files.isRegularFile(serialLog), "virtlogd writes the serial console to " + serialLog);

            ProcessRunner.Result ifs = LocalLibvirtd.virsh("domiflist", vmUuid);
            assertTrue(ifs.ok(), ifs.toString());
            assertTrue(ifs.stdout().lines().anyMatch(l -> l.contains(mac) && l.contains(bridge) && l.contains("virtio")),
                    ifs.stdout());
            ProcessRunner.Result blk = LocalLibvirtd.virsh("domblklist", vmUuid);
            assertTrue(blk.stdout().lines().anyMatch(l -> l.contains("vda") && l.contains(disk.toString())), blk.stdout());
            assertTrue(blk.stdout().lines().anyMatch(l -> l.contains("vdb") && l.contains(data.toString())), blk.stdout());
            ProcessRunner.Result xml = LocalLibvirtd.virsh("dumpxml", vmUuid);
            assertTrue(xml.stdout().contains("<title>it-bios</title>"), xml.stdout());

            // a retried start while it runs leaves it running, untouched
            JsonObject again = client.call("/vm/start", String.format(cmd, "true"));
            assertOk(again);
            assertEquals("Running", again.get("state").getAsString());

            t0 = System.nanoTime();
            assertOk(client.call("/vm/destroy", "{\"vmUuid\":\"" + vmUuid + "\"}"));
            System.out.printf("destroy+undefine: %d ms%n", millisSince(t0));
            assertFalse(LocalLibvirtd.virsh("dominfo", vmUuid).ok(), "no domain left");
            assertEquals(0, states(vmUuid).size());
            assertOk(client.call("/vm/destroy", "{\"vmUuid\":\"" + vmUuid + "\"}"));
            assertTrue(Files.isRegularFile(disk), "destroy never touches the volumes");
        } finally {
            removeQuietly(vmUuid);
        }
    }

    @Test
    @Timeout(180)
    void uefiQ35VmGetsItsOwnNvramWhichGoesWithIt(@TempDir Path tmp) throws Exception {
        Path disk = blankQcow2(reachable(tmp), "root.qcow2");
        String vmUuid = UUID.randomUUID().toString().replace("-", "");
        String libvirtUuid = DomainDefinitionFactory.libvirtUuid(vmUuid);
        Path nvram = Path.of("/var/lib/libvirt/qemu/nvram", libvirtUuid + "_VARS.fd");
        try {
            long t0 = System.nanoTime();
            JsonObject started = client.call("/vm/start", "{\"vmUuid\":\"" + vmUuid + "\",\"vmName\":\"it-uefi\","
                    + "\"cpuNum\":1,\"memorySize\":268435456,\"domainType\":\"qemu\",\"machineType\":\"q35\","
                    + "\"bootMode\":\"UEFI\",\"volumes\":[{\"installPath\":\"" + disk + "\",\"format\":\"qcow2\",\"deviceId\":0}],"
                    + "\"nics\":[],\"start\":true}");
            assertOk(started);
            assertEquals("Running", started.get("state").getAsString());
            System.out.printf("UEFI q35 define+start: %d ms%n", millisSince(t0));
            assertTrue(Files.isRegularFile(nvram), "libvirt copied the VARS template to " + nvram);

            assertOk(client.call("/vm/destroy", "{\"vmUuid\":\"" + vmUuid + "\"}"));
            assertFalse(LocalLibvirtd.virsh("dominfo", vmUuid).ok(), "no domain left");
            assertFalse(Files.exists(nvram), "the NVRAM file is removed with the domain");
        } finally {
            removeQuietly(vmUuid);
        }
    }
}
