package org.zstack.agent.host;

import org.zstack.agent.testsupport.TestSecret;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.runtime.AgentServer;
import org.zstack.agent.testsupport.AgentClient;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The built-in host commands against this machine's real /proc, /sys, tools and libvirt's test driver. */
class HostCommandsTest {
    @TempDir
    static Path stateDir;
    @TempDir
    Path work;

    static AgentServer agent;
    static AgentClient client;

    @BeforeAll
    static void start() throws Exception {
        agent = new AgentServer(new AgentConfig("127.0.0.2", 0, "test:///default", stateDir));
        TestSecret.install(agent.config());
        agent.start();
        client = new AgentClient("127.0.0.2", agent.port());
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.stop();
        }
    }

    private static String connectBody(String hostUuid) {
        return "{\"hostUuid\":\"" + hostUuid + "\",\"sendCommandUrl\":\"http://127.0.0.1:8080/zstack/asyncrest/sendcommand\"}";
    }

    private static void assertFails(JsonObject rsp, String errorPrefix) {
        assertFalse(rsp.get("success").getAsBoolean(), rsp.toString());
        assertTrue(rsp.get("error").getAsString().startsWith(errorPrefix), rsp.toString());
    }

    /** The only test of this class that connects: ping must show null first. */
    @Test
    void pingRevealsWhetherAndAsWhomTheAgentIsConnected() {
        JsonObject ping = client.call("/host/ping", "{\"hostUuid\":\"h-1\"}");
        assertTrue(ping.get("success").getAsBoolean());
        assertTrue(ping.has("hostUuid") && ping.get("hostUuid").isJsonNull(), "never connected: " + ping);

        JsonObject c = client.call("/host/connect", connectBody("h-1"));
        assertTrue(c.get("success").getAsBoolean(), c.toString());
        assertEquals("h-1", c.get("hostUuid").getAsString());
        assertNotEquals("unknown", c.get("libvirtVersion").getAsString());
        assertTrue(c.get("libvirtVersion").getAsString().matches("\\d+\\.\\d+\\.\\d+"), c.toString());
        assertTrue(c.get("qemuVersion").getAsString().matches("\\d+\\.\\d+(\\.\\d+)?"), c.toString());
        assertFalse(c.get("hostname").getAsString().isBlank());
        assertTrue(c.get("cpuNum").getAsInt() > 0);
        assertFalse(c.get("cpuModelName").getAsString().isBlank());
        assertTrue(c.get("totalMemory").getAsLong() >= c.get("availableMemory").getAsLong());
        assertTrue(c.get("availableMemory").getAsLong() > 0);
        assertFalse(c.get("osDistribution").getAsString().isBlank());
        assertFalse(c.get("osVersion").getAsString().isBlank());
        assertFalse(c.get("agentVersion").getAsString().isBlank());

        assertEquals("h-1", client.call("/host/ping", "{\"hostUuid\":\"h-1\"}").get("hostUuid").getAsString());

        // the node re-adds the host under a new uuid: the agent follows
        assertTrue(client.call("/host/connect", connectBody("h-2")).get("success").getAsBoolean());
        assertEquals("h-2", client.call("/host/ping", "{\"hostUuid\":\"h-1\"}").get("hostUuid").getAsString());
    }

    @Test
    void connectNeedsHostUuidAndAnHttpSendCommandUrl() {
        assertFails(client.call("/host/connect", "{\"sendCommandUrl\":\"http://127.0.0.1:8080/x\"}"), "hostUuid is required");
        assertFails(client.call("/host/connect", "{\"hostUuid\":\"h\",\"sendCommandUrl\":\"ftp://x/y\"}"),
                "sendCommandUrl is not an http(s) URL");
    }

    @Test
    void connectFailsWhenLibvirtIsUnreachable(@TempDir Path otherState) throws Exception {
        String uri = "qemu+unix:///system?socket=/nonexistent/libvirt-sock";
        try (AgentServer noLibvirt = new AgentServer(new AgentConfig("127.0.0.2", 0, uri, otherState))) {
            TestSecret.install(noLibvirt.config());
            noLibvirt.start();
            AgentClient c = new AgentClient("127.0.0.2", noLibvirt.port());
            JsonObject rsp = c.call("/host/connect", connectBody("h-x"));
            assertFails(rsp, "libvirt at " + uri + " is unreachable: ");
            assertFalse(rsp.get("error").getAsString().contains("\n"));
            assertTrue(c.call("/host/ping", "{}").get("hostUuid").isJsonNull(), "a failed connect does not connect");
            // facts still describe the host
            JsonObject facts = c.call("/host/facts", "{}");
            assertTrue(facts.get("success").getAsBoolean());
            assertEquals("unknown", facts.get("libvirtVersion").getAsString());
        }
    }

    @Test
    void factsDescribeTheHost() {
        JsonObject f = client.call("/host/facts", "{}");
        assertTrue(f.get("success").getAsBoolean(), f.toString());
        assertEquals(HostFacts.hostname(), f.get("hostname").getAsString());
        assertTrue(f.get("cpuNum").getAsInt() > 0);
        assertTrue(f.get("totalMemory").getAsLong() > 0);
        assertNotEquals("unknown", f.get("libvirtVersion").getAsString());
        assertTrue(f.get("qemuVersion").getAsString().matches("\\d+\\.\\d+(\\.\\d+)?"), f.toString());
        JsonArray ifs = f.getAsJsonArray("interfaces");
        assertTrue(ifs.toString().contains("\"lo\""), ifs.toString());
        assertNotNull(f.getAsJsonArray("bridges"));
        assertNotNull(f.getAsJsonArray("ipAddresses"));
        assertFalse(f.getAsJsonArray("ipAddresses").toString().contains("127.0.0.1"), "loopback is not a host address");
        assertFalse(f.get("osDistribution").getAsString().isBlank());
    }

    @Test
    void storageCapacityCreatesTheDirectoryWhenAsked() {
        Path dir = work.resolve("ps/images");
        JsonObject rsp = client.call("/host/storage/capacity", "{\"path\":\"" + dir + "\",\"create\":true}");
        assertTrue(rsp.get("success").getAsBoolean(), rsp.toString());
        assertTrue(Files.isDirectory(dir));
        assertEquals(dir.toString(), rsp.get("path").getAsString());
        assertTrue(rsp.get("totalCapacity").getAsLong() > 0);
        assertTrue(rsp.get("availableCapacity").getAsLong() > 0);
        assertTrue(rsp.get("availableCapacity").getAsLong() <= rsp.get("totalCapacity").getAsLong());
        assertTrue(rsp.get("writable").getAsBoolean());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "the write probe cleans up after itself");
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void storageCapacityRefusesRelativeAndMissingPaths() {
        assertFails(client.call("/host/storage/capacity", "{\"path\":\"relative/dir\",\"create\":true}"),
                "path must be an absolute path: relative/dir");
        assertFalse(Files.exists(Path.of("relative")), "nothing created in the agent's working directory");
        assertFails(client.call("/host/storage/capacity", "{\"path\":\"" + work.resolve("absent") + "\"}"),
                "no such directory: ");
        assertFails(client.call("/host/storage/capacity", "{}"), "path is required");
    }

    @Test
    void bridgeCheckAcceptsExistingInterfacesOnly() {
        assertTrue(client.call("/host/bridge/check", "{\"interfaceName\":\"lo\"}").get("success").getAsBoolean());
        JsonObject rsp = client.call("/host/bridge/check", "{\"interfaceName\":\"nope0\"}");
        assertFails(rsp, "no interface nope0 on host " + HostFacts.hostname());
        assertFails(client.call("/host/bridge/check", "{\"interfaceName\":\"../lo\"}"), "no interface ../lo");
    }

    @Test
    void toolsCheckReportsVersionsAndMissingTools() {
        JsonObject rsp = client.call("/host/tools/check", "{\"tools\":[\"qemu-img\",\"no-such-tool-zs42\"]}");
        assertTrue(rsp.get("success").getAsBoolean(), rsp.toString());
        String v = rsp.getAsJsonObject("versions").get("qemu-img").getAsString();
        assertTrue(v.startsWith("qemu-img version "), v);
        assertFalse(rsp.getAsJsonObject("versions").has("no-such-tool-zs42"));
        assertEquals("[\"no-such-tool-zs42\"]", rsp.getAsJsonArray("missing").toString());
    }

    @Test
    void nfsUmountIsIdempotentAndOnlyForNfs() throws Exception {
        Path dir = Files.createDirectories(work.resolve("never-mounted"));
        assertTrue(client.call("/host/nfs/umount", "{\"mountPath\":\"" + dir + "\"}").get("success").getAsBoolean());
        assertFails(client.call("/host/nfs/umount", "{\"mountPath\":\"/proc\"}"), "/proc is a proc mount, not NFS");
        assertFails(client.call("/host/nfs/umount", "{\"mountPath\":\"mnt\"}"), "mountPath must be an absolute path");
    }

    @Test
    void nfsMountValidatesItsInput() {
        assertFails(client.call("/host/nfs/mount", "{\"url\":\"no-export-path\",\"mountPath\":\"/mnt/x\"}"),
                "NFS url must look like server:/export");
        assertFails(client.call("/host/nfs/mount", "{\"url\":\"srv:/export\",\"mountPath\":\"mnt/x\"}"),
                "mountPath must be an absolute path");
        assertFails(client.call("/host/nfs/mount", "{\"url\":\"srv:/export\",\"mountPath\":\"/mnt/x\",\"options\":\"ro -x\"}"),
                "invalid NFS mount options");
    }

    /** Nothing serves NFS here, so the mount must fail, fast, with mount's own words, and leave no directory. */
    @Test
    void nfsMountFailurePassesOnMountsError() {
        Path mp = work.resolve("nfs/mnt");
        JsonObject rsp = client.call("/host/nfs/mount",
                "{\"url\":\"127.0.0.1:/no-such-export\",\"mountPath\":\"" + mp + "\",\"options\":\"retry=0,timeo=10,retrans=1\"}");
        assertFalse(rsp.get("success").getAsBoolean(), rsp.toString());
        String error = rsp.get("error").getAsString();
        assertTrue(error.startsWith("mount"), error);
        assertFalse(error.contains("\n"));
        assertFalse(Files.exists(work.resolve("nfs")), "the mount point created for the attempt is removed");
    }

    @Test
    void echoReturnsTheSameJson() {
        JsonObject rsp = client.call("/host/echo", "{\"s\":\"x\",\"n\":1.5,\"b\":false,\"z\":null,\"l\":[{\"k\":1}]}");
        assertEquals("x", rsp.get("s").getAsString());
        assertEquals(1.5, rsp.get("n").getAsDouble());
        assertFalse(rsp.get("b").getAsBoolean());
        assertEquals(1, rsp.getAsJsonArray("l").get(0).getAsJsonObject().get("k").getAsInt());
        assertTrue(rsp.get("success").getAsBoolean());
    }
}
