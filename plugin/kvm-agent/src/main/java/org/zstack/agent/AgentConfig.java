package org.zstack.agent;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The agent's settings, from command-line options or system properties (see the runtime's AgentOptions).
 *
 * @param host       address to listen on
 * @param port       port to listen on; 0 picks a free one (tests)
 * @param libvirtUri libvirt connection URI, {@code qemu:///system} on a real host, {@code test:///default} in tests
 * @param stateDir   where the agent keeps agent.port, agent.pid and agent.log
 * @param secretFile the host secret installed by the management node's deployment (mode 0600); commands are
 *                   refused while it is missing
 */
public record AgentConfig(String host, int port, String libvirtUri, Path stateDir, Path secretFile) {
    /** Loopback unless told otherwise: the deployment passes the host's management IP, 0.0.0.0 only if asked. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String SECRET_FILE_NAME = "host.secret";
    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_LIBVIRT_URI = "qemu:///system";
    public static final Path DEFAULT_STATE_DIR = Path.of("/var/lib/zstack-v2v-agent");

    public AgentConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(libvirtUri, "libvirtUri");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(secretFile, "secretFile");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** The secret file in the state directory, where the playbook puts it. */
    public AgentConfig(String host, int port, String libvirtUri, Path stateDir) {
        this(host, port, libvirtUri, stateDir, stateDir.resolve(SECRET_FILE_NAME));
    }
}
