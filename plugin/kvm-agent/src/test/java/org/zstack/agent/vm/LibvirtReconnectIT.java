package org.zstack.agent.vm;

import org.zstack.agent.testsupport.TestSecret;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.AgentConfig;
import org.zstack.agent.runtime.AgentServer;
import org.zstack.agent.testsupport.AgentClient;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * libvirtd restarts (an upgrade, an operator) while the agent keeps its connection: the next VM command must work,
 * not fail once on the dead socket. Against a private libvirtd, so the machine's shared one is never restarted.
 */
class LibvirtReconnectIT {
    /** The one domain of libvirt's test driver. */
    private static final String TEST_DOMAIN = "6695eb01f6a4830479aa97f2502e193f";

    @Test
    @Timeout(120)
    void theFirstCommandAfterALibvirtdRestartSucceeds(@TempDir Path dir) throws Exception {
        try (PrivateLibvirtd libvirtd = new PrivateLibvirtd(dir.resolve("libvirtd"))) {
            libvirtd.start();
            try (AgentServer agent = new AgentServer(new AgentConfig("127.0.0.4", 0, libvirtd.uri(), dir.resolve("agent")))) {
                TestSecret.install(agent.config());
                agent.start();
                AgentClient client = new AgentClient("127.0.0.4", agent.port());
                String query = "{\"vmUuids\":[\"" + TEST_DOMAIN + "\"]}";
                assertRunning(client.call("/vm/state", query));

                libvirtd.stop();
                JsonObject down = client.call("/vm/state", query);
                assertFalse(down.get("success").getAsBoolean(), down.toString());
                assertTrue(down.get("error").getAsString().startsWith("libvirt at " + libvirtd.uri() + " is unreachable"),
                        down.toString());

                libvirtd.start();
                assertRunning(client.call("/vm/state", query));
            }
        }
    }

    @Test
    @Timeout(120)
    void aConnectionOpenedBeforeTheRestartIsReplacedUnnoticed(@TempDir Path dir) throws Exception {
        try (PrivateLibvirtd libvirtd = new PrivateLibvirtd(dir.resolve("libvirtd"))) {
            libvirtd.start();
            try (AgentServer agent = new AgentServer(new AgentConfig("127.0.0.4", 0, libvirtd.uri(), dir.resolve("agent")))) {
                TestSecret.install(agent.config());
                agent.start();
                AgentClient client = new AgentClient("127.0.0.4", agent.port());
                String query = "{\"vmUuids\":[\"" + TEST_DOMAIN + "\"]}";
                assertRunning(client.call("/vm/state", query));
                // no command while it is down: the agent's connection still looks alive to libvirt
                libvirtd.stop();
                libvirtd.start();
                assertRunning(client.call("/vm/state", query));
            }
        }
    }

    private static void assertRunning(JsonObject rsp) {
        assertTrue(rsp.get("success").getAsBoolean(), rsp.toString());
        assertEquals("Running", rsp.getAsJsonObject("states").get(TEST_DOMAIN).getAsString(), rsp.toString());
    }
}
