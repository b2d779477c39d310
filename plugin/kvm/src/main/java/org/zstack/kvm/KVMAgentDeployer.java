package org.zstack.kvm;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.ZStackProperties;
import org.zstack.core.ansible.AnsibleRunner;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.header.errorcode.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import static org.zstack.core.Platform.operr;

/**
 * Deploys the host agent with ansible/kvm-agent.yaml: a JRE, libvirt and qemu, the agent jar, and a service that
 * keeps it running (a systemd unit, or an init script where there is no systemd), and the host secret the agent and
 * the node sign their calls with (a 0600 file the agent re-reads when it changes). KVMHost.skipDeploy=true in
 * zstack.properties skips the installation for hosts whose agent already runs (tests that start agents themselves),
 * but not the secret: that part of the playbook (tag "secret") runs either way, so such an agent gets its secret the
 * way a deployed one does, and refuses every command until then.
 */
public class KVMAgentDeployer {
    @Autowired
    private ZStackProperties props;
    @Autowired
    private EncryptionFacade encryption;

    public boolean isSkipped() {
        return props.getBoolean("KVMHost.skipDeploy", false);
    }

    public int agentPort() {
        return props.getInt("KVMAgent.port", 7070);
    }

    /** Where the agent of a host reads its secret; {managementIp} in KVMAgent.secretFile is the host's IP. */
    public String secretFile(KVMHostVO host) {
        String dflt = props.get("KVMAgent.stateDir", "/var/lib/zstack-v2v-agent") + "/host.secret";
        return props.get("KVMAgent.secretFile", dflt).replace("{managementIp}", host.getManagementIp());
    }

    /** Installs the agent (unless skipped) and the given host secret. */
    public ErrorCode deploy(KVMHostVO host, String agentSecret) {
        return run(host, agentSecret, isSkipped() ? SECRET_TAG : null);
    }

    private static final String SECRET_TAG = "secret";

    private ErrorCode run(KVMHostVO host, String agentSecret, String onlyTag) {
        Path playbook;
        try {
            playbook = playbook();
        } catch (IOException e) {
            return operr("cannot prepare the agent playbook: %s", e.getMessage());
        }
        Path jar = Path.of(props.get("KVMAgent.jar", "plugin/v2v-agent/target/zstack-v2v-agent.jar")).toAbsolutePath();
        if (onlyTag == null && !Files.isRegularFile(jar)) {
            return operr("the agent jar %s does not exist; build plugin/v2v-agent or set KVMAgent.jar", jar);
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("agent_jar", jar.toString());
        vars.put("agent_host", host.getManagementIp());
        vars.put("agent_port", agentPort());
        vars.put("agent_dir", props.get("KVMAgent.installDir", "/usr/local/zstack-v2v"));
        vars.put("agent_state_dir", props.get("KVMAgent.stateDir", "/var/lib/zstack-v2v-agent"));
        vars.put("agent_libvirt_uri", props.get("KVMAgent.libvirtUri", "qemu:///system"));
        vars.put("skip_packages", props.getBoolean("KVMHost.skipPackages", false));
        vars.put("agent_secret_file", secretFile(host));
        vars.put("agent_secret", agentSecret);
        vars.put("agent_secret_only", onlyTag != null);
        AnsibleRunner runner = new AnsibleRunner(playbook, host.getManagementIp())
                .connection(props.get("KVMHost.ansible.connection", "ssh"))
                .username(host.getUsername())
                .sshPort(host.getSshPort())
                .tags(onlyTag)
                .masked(agentSecret);
        if (host.getPassword() != null) {
            runner.password(encryption.decrypt(host.getPassword()));
        }
        if (host.getSshPrivateKey() != null) {
            runner.privateKey(encryption.decrypt(host.getSshPrivateKey()));
        }
        return runner.run(vars);
    }

    /** The playbooks ship inside the node (conf jar, ansible/); ansible wants them as files. */
    private Path playbook() throws IOException {
        Path dir = props.dataDir().resolve("ansible");
        Files.createDirectories(dir);
        Path p = dir.resolve(KVMConstant.AGENT_PLAYBOOK);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("ansible/" + KVMConstant.AGENT_PLAYBOOK)) {
            if (in == null) {
                throw new IOException("ansible/" + KVMConstant.AGENT_PLAYBOOK + " is not on the classpath");
            }
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
        }
        return p;
    }
}
