package org.zstack.agent.runtime;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zstack.agent.testsupport.AgentClient;
import org.zstack.agent.testsupport.TestSecret;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shaded jar as Ansible deploys it, run as a real process: proves the manifest, the merged service files,
 * and that JNA's native part and libvirt-java still work from inside the one jar.
 */
class AgentJarIT {
    @Test
    @Timeout(30)
    void shadedJarRunsAsAProcess(@TempDir Path stateDir) throws Exception {
        Path jar = Path.of("target", "kvm-agent.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "run after package: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Dagent.libvirt.uri=test:///default", "-jar", jar.toString(),
                "--host", "127.0.0.3", "--port", "0", "--state-dir", stateDir.toString(),
                "--secret-file", stateDir.resolve("secret/host.secret").toString()))
                .redirectErrorStream(true).start();
        // the agent's output is drained on a thread: a test must never block on a pipe
        List<String> output = new CopyOnWriteArrayList<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    output.add(l);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
        try {
            Path portFile = stateDir.resolve("agent.port");
            long deadline = System.currentTimeMillis() + 15_000;
            while (!Files.exists(portFile)) {
                assertTrue(p.isAlive(), () -> "agent exited: " + String.join("\n", output));
                assertTrue(System.currentTimeMillis() < deadline, "no agent.port after 15 s");
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readString(portFile).trim());
            assertEquals(String.valueOf(p.pid()), Files.readString(stateDir.resolve("agent.pid")).trim());
            String announce = "kvm-agent listening on 127.0.0.3:" + port;
            while (!output.contains(announce)) {
                assertTrue(System.currentTimeMillis() < deadline, () -> "no '" + announce + "' in " + output);
                Thread.sleep(20);
            }

            // started before its node's deployment: no secret yet, so even a signed ping is refused
            AgentClient client = new AgentClient("127.0.0.3", port);
            assertEquals(401, client.post("/host/ping", "{}").status());
            TestSecret.install(stateDir.resolve("secret/host.secret"), TestSecret.VALUE);
            JsonObject ping = client.call("/host/ping", "{\"hostUuid\":\"jar-host\"}");
            assertTrue(ping.get("success").getAsBoolean());
            assertTrue(ping.get("hostUuid").isJsonNull());

            JsonObject connect = client.call("/host/connect",
                    "{\"hostUuid\":\"jar-host\",\"sendCommandUrl\":\"http://127.0.0.1:8080/zstack/asyncrest/sendcommand\"}");
            assertTrue(connect.get("success").getAsBoolean(), connect.toString());
            assertTrue(connect.get("libvirtVersion").getAsString().matches("\\d+\\.\\d+\\.\\d+"), connect.toString());
            assertEquals("jar-host", client.call("/host/ping", "{}").get("hostUuid").getAsString());

            // SIGTERM: the shutdown hook stops the agent and removes its port and pid files
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "agent did not exit on SIGTERM");
            assertFalse(Files.exists(portFile), "agent.port removed on an orderly stop");
            assertTrue(Files.readString(stateDir.resolve("agent.log")).contains("kvm-agent stopped"));
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
