package org.zstack.agent.vm;

import org.zstack.agent.testsupport.TestSecret;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.runtime.AgentServer;
import org.zstack.agent.testsupport.AgentClient;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The VM commands over HTTP against libvirt's test driver: wiring, validation before libvirt, and the answers for
 * domains that do not exist. Real domains are {@link VmLifecycleIT}'s job.
 */
class VmCommandsTest {
    /** The one domain libvirt's test:///default driver has, running. */
    private static final String TEST_DRIVER_DOMAIN = "6695eb01f6a4830479aa97f2502e193f";

    @TempDir
    static Path stateDir;
    static AgentServer agent;
    static AgentClient client;

    @BeforeAll
    static void start() throws Exception {
        agent = new AgentServer(new AgentConfig("127.0.0.2", 0, "test:///default", stateDir));
        TestSecret.install(agent.config());
        agent.start();
        // what the node registers at connect: the primary storages' mounts
        java.nio.file.Files.createDirectories(stateDir.resolve("ps"));
        agent.allowedRoots().register(java.util.List.of("/nonexistent", stateDir.resolve("ps").toString()));
        client = new AgentClient("127.0.0.2", agent.port());
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.stop();
        }
    }

    private static void assertFails(JsonObject rsp, String errorPrefix) {
        assertFalse(rsp.get("success").getAsBoolean(), rsp.toString());
        assertTrue(rsp.get("error").getAsString().startsWith(errorPrefix), rsp.toString());
    }

    @Test
    void stateAnswersKnownDomainsAndLeavesOutUnknownOnes() {
        JsonObject rsp = client.call("/vm/state",
                "{\"vmUuids\":[\"" + TEST_DRIVER_DOMAIN + "\",\"00000000000000000000000000000042\"]}");
        assertTrue(rsp.get("success").getAsBoolean(), rsp.toString());
        JsonObject states = rsp.getAsJsonObject("states");
        assertEquals("Running", states.get(TEST_DRIVER_DOMAIN).getAsString());
        assertEquals(1, states.size(), rsp.toString());

        JsonObject none = client.call("/vm/state", "{\"vmUuids\":[]}");
        assertEquals(0, none.getAsJsonObject("states").size());
        assertFails(client.call("/vm/state", "{\"vmUuids\":[\"not-a-uuid\"]}"), "vmUuid is not a uuid: not-a-uuid");
    }

    @Test
    void startMeansStartUnlessTheNodeSaysOtherwise() {
        // what the node's Gson sends when it leaves the field out: the VM is started, as ZStack's StartVmCmd does
        assertTrue(new Gson().fromJson("{}", VmAgentCommands.StartVmCmd.class).start);
        assertFalse(new Gson().fromJson("{\"start\":false}", VmAgentCommands.StartVmCmd.class).start);
    }

    @Test
    void destroyingADomainThatDoesNotExistSucceeds() {
        JsonObject rsp = client.call("/vm/destroy", "{\"vmUuid\":\"00000000000000000000000000000042\"}");
        assertTrue(rsp.get("success").getAsBoolean(), rsp.toString());
        assertFails(client.call("/vm/destroy", "{}"), "vmUuid is required");
    }

    @Test
    void startIsValidatedBeforeLibvirtIsAsked() {
        assertFails(client.call("/vm/start", "{\"vmUuid\":\"x\"}"), "vmUuid is not a uuid: x");
        assertFails(client.call("/vm/start", "{\"vmUuid\":\"00000000000000000000000000000042\",\"cpuNum\":1,"
                + "\"memorySize\":134217728,\"volumes\":[{\"installPath\":\"/nonexistent/root.qcow2\",\"deviceId\":0}]}"),
                "volume with deviceId 0 does not exist at /nonexistent/root.qcow2");
        assertFails(client.call("/vm/start", "{\"vmUuid\":\"00000000000000000000000000000042\",\"cpuNum\":1,"
                + "\"memorySize\":134217728,\"volumes\":[{\"uuid\":\"v0\",\"installPath\":\"/etc/hostname\",\"deviceId\":0}]}"),
                "installPath of volume v0 /etc/hostname is outside the storage roots registered for this host");
        String volume = stateDir.resolve("ps/root.qcow2").toString();
        try {
            java.nio.file.Files.write(Path.of(volume), new byte[512]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertFails(client.call("/vm/start", "{\"vmUuid\":\"00000000000000000000000000000042\",\"cpuNum\":1,"
                + "\"memorySize\":134217728,\"volumes\":[{\"installPath\":\"" + volume + "\",\"deviceId\":0}],"
                + "\"nics\":[{\"mac\":\"52:54:00:00:00:01\",\"bridgeName\":\"nosuch0\",\"deviceId\":0}]}"),
                "no bridge for nosuch0 on this host: neither nosuch0 nor br_nosuch0 is a bridge");
    }
}
