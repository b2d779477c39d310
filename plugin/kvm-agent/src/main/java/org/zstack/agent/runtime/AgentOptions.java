package org.zstack.agent.runtime;

import org.zstack.agent.AgentConfig;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Reads the agent's settings. A command-line option wins over a system property, which wins over the default:
 * Ansible passes options, tests that start the agent in-process or with {@code -D} use properties.
 */
public final class AgentOptions {
    public static final String USAGE = String.join("\n",
            "usage: java -jar kvm-agent.jar [--host ADDR] [--port N] [--libvirt-uri URI] [--state-dir DIR] [--secret-file FILE]",
            "  --host         address to listen on, the host's management IP (agent.host, default 127.0.0.1;",
            "                 0.0.0.0, every address, only when given explicitly)",
            "  --port         port, 0 = any free port (agent.port, default 7070)",
            "  --libvirt-uri  libvirt URI (agent.libvirt.uri, default qemu:///system)",
            "  --state-dir    directory for agent.port, agent.pid, agent.log (agent.stateDir, default /var/lib/zstack-v2v-agent)",
            "  --secret-file  the host secret the management node installs, mode 0600 (agent.secretFile,",
            "                 default STATE_DIR/host.secret); commands are refused until it exists");

    private AgentOptions() {
    }

    /** Thrown for --help: not an error, but the caller prints the usage and exits. */
    public static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(USAGE);
        }
    }

    public static AgentConfig parse(String[] args, Properties props) {
        String host = props.getProperty("agent.host", AgentConfig.DEFAULT_HOST);
        String port = props.getProperty("agent.port", String.valueOf(AgentConfig.DEFAULT_PORT));
        String uri = props.getProperty("agent.libvirt.uri", AgentConfig.DEFAULT_LIBVIRT_URI);
        String stateDir = props.getProperty("agent.stateDir", AgentConfig.DEFAULT_STATE_DIR.toString());
        String secretFile = props.getProperty("agent.secretFile");

        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new HelpRequested();
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                name = a.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "host" -> host = value;
                case "port" -> port = value;
                case "libvirt-uri" -> uri = value;
                case "state-dir" -> stateDir = value;
                case "secret-file" -> secretFile = value;
                default -> throw new IllegalArgumentException("unknown option: --" + name);
            }
        }

        int p;
        try {
            p = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number: " + port);
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port out of range: " + p);
        }
        Path state = Path.of(stateDir).toAbsolutePath().normalize();
        Path secret = secretFile == null || secretFile.isBlank() ? state.resolve(AgentConfig.SECRET_FILE_NAME)
                : Path.of(secretFile.trim()).toAbsolutePath().normalize();
        return new AgentConfig(host.trim(), p, uri.trim(), state, secret);
    }
}
