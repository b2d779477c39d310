package org.zstack.agent.vm;

import org.zstack.agent.AgentExtension;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.AllowedRoots;
import org.zstack.agent.CommandRegistry;
import org.zstack.agent.host.LibvirtAccess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.zstack.agent.vm.VmAgentCommands.*;

/**
 * The VM lifecycle commands of the target host: {@code /vm/start}, {@code /vm/destroy}, {@code /vm/state}
 * (PROTOCOL.md, "Target host"). This class checks the commands and answers; {@link DomainDefinitionFactory} decides
 * what the domain looks like and {@link DomainLifecycle} talks to libvirt.
 */
public class VmCommands implements AgentExtension {
    private static final Path LIBVIRT_QEMU_LOGS = Path.of("/var/log/libvirt/qemu");
    private LibvirtAccess libvirt;
    private DomainLifecycle domains;
    private final DomainDefinitionFactory definitions = new DomainDefinitionFactory();

    @Override
    public void register(CommandRegistry registry) {
        // its own connection, read-write: the host commands' read-only one stays unable to change anything
        libvirt = LibvirtAccess.readWrite(registry.config().libvirtUri());
        domains = new DomainLifecycle(libvirt);
        registry.register(START_PATH, StartVmCmd.class, (cmd, ctx) -> start(cmd, ctx.allowedRoots()));
        registry.register(DESTROY_PATH, DestroyVmCmd.class, (cmd, ctx) -> destroy(cmd));
        registry.register(STATE_PATH, VmStateCmd.class, (cmd, ctx) -> states(cmd));
    }

    @Override
    public void stop() {
        if (libvirt != null) {
            libvirt.close();
        }
    }

    StartVmResponse start(StartVmCmd cmd, AllowedRoots roots) throws IOException {
        confine(cmd, roots);
        DomainDefinition d = definitions.create(cmd);
        if (d.serialLogPath() != null) {
            // virtlogd creates the log file, not its directory; without one the start fails with a vague error
            Path parent = Path.of(d.serialLogPath()).getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        }
        StartVmResponse rsp = new StartVmResponse();
        rsp.state = domains.defineAndStart(d, cmd.start);
        return rsp;
    }

    /**
     * The domain reads and writes its volumes and serial log as root (qemu): each must lie under a root the node
     * registered, and the resolved path is what the domain gets. Missing fields are left for the factory to refuse.
     */
    private static void confine(StartVmCmd cmd, AllowedRoots roots) {
        if (cmd.volumes != null) {
            for (VolumeTO v : cmd.volumes) {
                if (v != null && v.installPath != null && !v.installPath.isBlank()) {
                    v.installPath = roots.confine(v.installPath.trim(), "installPath of volume " + v.uuid).toString();
                }
            }
        }
        if (cmd.serialLogPath != null && !cmd.serialLogPath.isBlank()) {
            Path log = Path.of(cmd.serialLogPath.trim());
            // libvirt's own log directory, where the node puts a VM's serial log: a plain file name there is fine
            boolean inLibvirtLogs = log.isAbsolute() && LIBVIRT_QEMU_LOGS.equals(log.getParent())
                    && AllowedRoots.plainName(log.getFileName().toString(), "serialLogPath's file name") != null;
            if (!inLibvirtLogs) {
                cmd.serialLogPath = roots.confine(cmd.serialLogPath.trim(), "serialLogPath").toString();
            }
        }
    }

    AgentResponse destroy(DestroyVmCmd cmd) {
        domains.destroyAndUndefine(DomainDefinitionFactory.vmUuid(cmd.vmUuid));
        return new AgentResponse();
    }

    VmStateResponse states(VmStateCmd cmd) {
        List<String> uuids = new ArrayList<>();
        if (cmd.vmUuids != null) {
            for (String u : cmd.vmUuids) {
                // one malformed uuid is a bug of the caller, and answering without it would read as "no such VM"
                uuids.add(DomainDefinitionFactory.vmUuid(u));
            }
        }
        VmStateResponse rsp = new VmStateResponse();
        rsp.states = domains.states(uuids);
        return rsp;
    }
}
