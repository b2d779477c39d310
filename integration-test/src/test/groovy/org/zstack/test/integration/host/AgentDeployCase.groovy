package org.zstack.test.integration.host

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.*
import org.zstack.testlib.AgentProcess

import java.nio.file.Files
import java.nio.file.Path

/**
 * AddKVMHost with deployment on: the node runs the real playbook ansible/kvm-agent.yaml (with ansible's local
 * connection, since this machine is the "host"), which installs the agent jar and its control script and starts
 * it; the node then connects to it. Packages are already installed by bin/run-tests, so their task is skipped.
 */
class AgentDeployCase {
    static HostEnv env
    static Path installDir
    static Path stateDir

    @BeforeAll
    static void boot() {
        installDir = Files.createTempDirectory("agent-install")
        stateDir = Files.createTempDirectory("agent-state")
        env = new HostEnv([
                "KVMHost.skipDeploy"        : "false",
                "KVMHost.ansible.connection": "local",
                "KVMHost.skipPackages"      : "true",
                "KVMAgent.installDir"       : installDir.toString(),
                "KVMAgent.stateDir"         : stateDir.toString(),
                // where a deployed agent keeps its secret by default (HostEnv points it at the test agents' folder)
                "KVMAgent.secretFile"       : stateDir.resolve("host.secret").toString(),
                "KVMAgent.libvirtUri"       : "test:///default",
                "KVMAgent.jar"              : AgentProcess.JAR.toString(),
        ])
    }

    @AfterAll
    static void shutdown() {
        def script = installDir?.resolve("zstack-v2v-agent.sh")
        if (script != null && Files.exists(script)) {
            new ProcessBuilder(script.toString(), "stop").inheritIO().start().waitFor()
        }
        env?.stop()
        installDir?.toFile()?.deleteDir()
        stateDir?.toFile()?.deleteDir()
    }

    @Test
    void addingAHostDeploysItsAgentWithTheAnsiblePlaybook() {
        long begin = System.currentTimeMillis()
        HostInventory h = env.addHost("127.0.0.4")
        println "AddKVMHost with Ansible deployment took ${System.currentTimeMillis() - begin} ms"
        assert h.status == "Connected"
        assert Files.isRegularFile(installDir.resolve("kvm-agent.jar"))
        assert Files.isExecutable(installDir.resolve("zstack-v2v-agent.sh"))
        assert Files.isRegularFile(stateDir.resolve("agent.pid"))
        // the host secret the node made, installed by the playbook for the agent it started (--secret-file)
        Path secret = stateDir.resolve("host.secret")
        assert java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)) == "rw-------"
        String first = Files.readString(secret).trim()
        assert first ==~ /[0-9a-f]{64}/
        assert Files.readString(installDir.resolve("zstack-v2v-agent.sh")).contains("--secret-file")

        // a second run of the playbook (ReconnectHost) keeps the agent up, with a new secret
        def again = new ReconnectHostAction(uuid: h.uuid, sessionId: env.session).call().throwExceptionIfError().value.inventory
        assert again.status == "Connected"
        assert Files.readString(secret).trim() != first: "ReconnectHost rotates the secret; the running agent re-reads it"
    }

    @Test
    void aHostWithoutCredentialsIsRefusedBeforeAnyDeployment() {
        def r = new AddKVMHostAction(name: "no-key", managementIp: "127.0.0.5", clusterUuid: env.cluster.uuid,
                username: "root", sessionId: env.session).call()
        assert r.error.code == "SYS.1007": "neither a password nor a key: refused before anything runs"
        assert new QueryHostAction(conditions: ["managementIp=127.0.0.5"], sessionId: env.session).call().value.inventories.isEmpty()
    }
}
