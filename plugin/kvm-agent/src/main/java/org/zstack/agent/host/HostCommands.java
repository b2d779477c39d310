package org.zstack.agent.host;

import com.google.gson.JsonObject;
import org.zstack.agent.AgentContext;
import org.zstack.agent.AgentException;
import org.zstack.agent.AgentExtension;
import org.zstack.agent.AgentResponse;
import org.zstack.agent.CommandRegistry;
import org.zstack.agent.ProcessRunner;
import org.zstack.agent.runtime.AgentVersion;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static org.zstack.agent.host.HostAgentCommands.*;

/**
 * The built-in host commands: connect, ping, facts, storage capacity, NFS mount/umount, bridge and tool checks,
 * echo. Registered through the same SPI as any extension, so the runtime has no special case for them.
 */
public class HostCommands implements AgentExtension {
    private static final Logger logger = Logger.getLogger(HostCommands.class.getName());

    static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);
    /** server:/export, the server a name, an IPv4 address or a bracketed IPv6 address. */
    private static final Pattern NFS_URL = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):(/\\S*)");
    /** A program name looked up in PATH, or an absolute path to one. */
    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]*|/[^\\s]+");

    private LibvirtAccess libvirt;

    @Override
    public void register(CommandRegistry registry) {
        libvirt = new LibvirtAccess(registry.config().libvirtUri());
        registry.register(CONNECT_PATH, ConnectCmd.class, (cmd, ctx) -> connect(cmd, ctx));
        registry.register(PING_PATH, PingCmd.class, (cmd, ctx) -> ping(ctx));
        registry.register(FACTS_PATH, FactsCmd.class, (cmd, ctx) -> facts());
        registry.register(STORAGE_CAPACITY_PATH, StorageCapacityCmd.class, (cmd, ctx) -> storageCapacity(cmd));
        registry.register(NFS_MOUNT_PATH, NfsMountCmd.class, (cmd, ctx) -> nfsMount(cmd));
        registry.register(NFS_UMOUNT_PATH, NfsUmountCmd.class, (cmd, ctx) -> nfsUmount(cmd));
        registry.register(BRIDGE_CHECK_PATH, BridgeCheckCmd.class, (cmd, ctx) -> bridgeCheck(cmd));
        registry.register(TOOLS_CHECK_PATH, ToolsCheckCmd.class, (cmd, ctx) -> toolsCheck(cmd));
        registry.register(ECHO_PATH, JsonObject.class, (cmd, ctx) -> new EchoResponse(cmd));
        registry.register(ROOTS_PATH, RootsCmd.class, (cmd, ctx) -> roots(cmd, ctx));
    }

    @Override
    public void stop() {
        if (libvirt != null) {
            libvirt.close();
        }
    }

    // ---------------------------------------------------------------- connect / ping / facts

    ConnectResponse connect(ConnectCmd cmd, AgentContext ctx) {
        requireText(cmd.hostUuid, "hostUuid");
        requireText(cmd.sendCommandUrl, "sendCommandUrl");
        if (!isHttpUrl(cmd.sendCommandUrl)) {
            throw new AgentException("sendCommandUrl is not an http(s) URL: " + cmd.sendCommandUrl);
        }
        // libvirt first: a host whose libvirt is unreachable cannot run VMs and must not count as connected
        LibvirtAccess.Versions v = libvirt.versions();

        ConnectResponse rsp = new ConnectResponse();
        rsp.hostUuid = cmd.hostUuid;
        fillMachine(rsp, v);
        rsp.agentVersion = AgentVersion.get();
        // before markConnected: a connect with a bad root fails whole, and the host is not taken as connected
        ctx.allowedRoots().register(cmd.allowedRoots);
        ctx.markConnected(cmd.hostUuid, cmd.sendCommandUrl);
        return rsp;
    }

    RootsResponse roots(RootsCmd cmd, AgentContext ctx) {
        if (cmd.roots == null) {
            throw new AgentException("roots is required");
        }
        ctx.allowedRoots().register(cmd.roots);
        RootsResponse rsp = new RootsResponse();
        rsp.roots = ctx.allowedRoots().roots().stream().map(Path::toString).toList();
        return rsp;
    }

    private static void fillMachine(MachineResponse rsp, LibvirtAccess.Versions v) {
        rsp.libvirtVersion = v.libvirtVersion();
        rsp.qemuVersion = v.qemuVersion();
        rsp.hostname = HostFacts.hostname();
        HostFacts.Cpu cpu = HostFacts.cpu();
        rsp.cpuNum = cpu.count();
        rsp.cpuModelName = cpu.modelName();
        HostFacts.Memory mem = HostFacts.memory();
        rsp.totalMemory = mem.total();
        rsp.availableMemory = mem.available();
        HostFacts.Os os = HostFacts.os();
        rsp.osDistribution = os.distribution();
        rsp.osVersion = os.version();
    }

    PingResponse ping(AgentContext ctx) {
        PingResponse rsp = new PingResponse();
        rsp.hostUuid = ctx.connectedHostUuid();
        return rsp;
    }

    FactsResponse facts() {
        FactsResponse rsp = new FactsResponse();
        // facts describe the host even when libvirt is down; connect is where that is refused
        fillMachine(rsp, libvirt.versionsOrUnknown());
        rsp.ipAddresses = HostFacts.ipAddresses();
        rsp.interfaces = HostFacts.interfaces();
        rsp.bridges = HostFacts.bridges();
        return rsp;
    }

    // ---------------------------------------------------------------- storage

    StorageCapacityResponse storageCapacity(StorageCapacityCmd cmd) throws IOException {
        Path dir = absolutePath(cmd.path, "path");
        if (cmd.create) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new AgentException(String.format("cannot create directory %s: %s", dir, e.getMessage()), e);
            }
        }
        if (!Files.exists(dir)) {
            throw new AgentException("no such directory: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new AgentException("not a directory: " + dir);
        }
        FileStore fs = Files.getFileStore(dir);
        StorageCapacityResponse rsp = new StorageCapacityResponse();
        rsp.path = dir.toString();
        rsp.totalCapacity = fs.getTotalSpace();
        rsp.availableCapacity = fs.getUsableSpace();
        rsp.writable = canWrite(dir);
        return rsp;
    }

    /**
     * Writes and deletes a file rather than asking access(2): only a real write sees an NFS root_squash, a
     * read-only remount or an exhausted quota.
     */
    private static boolean canWrite(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".zstack-agent-probe-", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            logger.info(String.format("%s is not writable: %s", dir, e));
            return false;
        }
    }

    NfsMountResponse nfsMount(NfsMountCmd cmd) throws IOException {
        requireText(cmd.url, "url");
        String url = cmd.url.trim();
        if (!NFS_URL.matcher(url).matches()) {
            throw new AgentException("NFS url must look like server:/export, not " + url);
        }
        Path mountPath = absolutePath(cmd.mountPath, "mountPath");
        String options = cmd.options == null || cmd.options.isBlank() ? null : cmd.options.trim();
        if (options != null && (options.startsWith("-") || options.chars().anyMatch(Character::isWhitespace))) {
            throw new AgentException("invalid NFS mount options: " + options);
        }

        MountTable.Mount existing = MountTable.find(mountPath);
        if (existing != null) {
            if (!sameExport(existing.source(), url)) {
                throw new AgentException(String.format("%s already has %s (%s) mounted, not %s",
                        mountPath, existing.source(), existing.fsType(), url));
            }
            // the idempotent case: a retry of a mount that succeeded, or a host that kept it across an agent restart
            logger.info(String.format("%s already mounted on %s", url, mountPath));
            return capacity(mountPath);
        }

        List<Path> created = new ArrayList<>();
        for (Path p = mountPath; p != null && !Files.exists(p); p = p.getParent()) {
            created.add(p);
        }
        try {
            Files.createDirectories(mountPath);
        } catch (IOException e) {
            throw new AgentException(String.format("cannot create mount point %s: %s", mountPath, e.getMessage()), e);
        }
        List<String> argv = new ArrayList<>(List.of("mount", "-t", "nfs"));
        if (options != null) {
            argv.add("-o");
            argv.add(options);
        }
        argv.add(url);
        argv.add(mountPath.toString());
        try {
            run(argv, "mount " + url + " on " + mountPath);
        } catch (AgentException e) {
            // leave the host as it was: no empty mount points piling up from failed attempts
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // not empty or busy: then it is not only ours any more
                }
            }
            throw e;
        }
        return capacity(mountPath);
    }

    AgentResponse nfsUmount(NfsUmountCmd cmd) throws IOException {
        Path mountPath = absolutePath(cmd.mountPath, "mountPath");
        MountTable.Mount existing = MountTable.find(mountPath);
        if (existing == null) {
            logger.info(String.format("%s is not mounted; nothing to unmount", mountPath));
            return new AgentResponse();
        }
        // a wrong path from the node must not unmount /var or a primary storage's disk
        if (!existing.fsType().startsWith("nfs")) {
            throw new AgentException(String.format("%s is a %s mount, not NFS; refusing to unmount it",
                    mountPath, existing.fsType()));
        }
        run(List.of("umount", mountPath.toString()), "umount " + mountPath);
        return new AgentResponse();
    }

    private static NfsMountResponse capacity(Path mountPath) throws IOException {
        FileStore fs = Files.getFileStore(mountPath);
        NfsMountResponse rsp = new NfsMountResponse();
        rsp.totalCapacity = fs.getTotalSpace();
        rsp.availableCapacity = fs.getUsableSpace();
        return rsp;
    }

    /** "srv:/export/" and "srv:/export" name the same export. */
    private static boolean sameExport(String mounted, String wanted) {
        return stripTrailingSlash(mounted).equals(stripTrailingSlash(wanted));
    }

    private static String stripTrailingSlash(String s) {
        String r = s;
        while (r.endsWith("/") && !r.endsWith(":/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** Runs mount/umount; the program's own stderr is the most precise error there is, so it is passed on. */
    private static void run(List<String> argv, String what) {
        ProcessRunner.Result r;
        try {
            r = ProcessRunner.run(argv, MOUNT_TIMEOUT);
        } catch (IOException e) {
            throw new AgentException(String.format("%s: cannot run %s: %s", what, argv.get(0), e.getMessage()), e);
        }
        if (r.timedOut()) {
            throw new AgentException(String.format("%s timed out after %d s", what, MOUNT_TIMEOUT.toSeconds()));
        }
        if (r.exitCode() != 0) {
            String err = ProcessRunner.oneLine(r.stderr());
            if (err == null || err.isEmpty()) {
                err = ProcessRunner.oneLine(r.stdout());
            }
            throw new AgentException(err == null || err.isEmpty()
                    ? String.format("%s failed with exit code %d", what, r.exitCode()) : err);
        }
    }

    // ---------------------------------------------------------------- network and tools

    AgentResponse bridgeCheck(BridgeCheckCmd cmd) {
        requireText(cmd.interfaceName, "interfaceName");
        if (!HostFacts.interfaceExists(cmd.interfaceName)) {
            throw new AgentException(String.format("no interface %s on host %s", cmd.interfaceName, HostFacts.hostname()));
        }
        return new AgentResponse();
    }

    ToolsCheckResponse toolsCheck(ToolsCheckCmd cmd) {
        ToolsCheckResponse rsp = new ToolsCheckResponse();
        rsp.versions = new LinkedHashMap<>();
        rsp.missing = new ArrayList<>();
        if (cmd.tools == null) {
            return rsp;
        }
        for (String tool : new LinkedHashSet<>(cmd.tools)) {
            if (tool == null || !TOOL.matcher(tool).matches()) {
                throw new AgentException("invalid tool name: " + tool);
            }
            try {
                ProcessRunner.Result r = ProcessRunner.run(List.of(tool, "--version"), TOOL_TIMEOUT);
                String line = r.firstLine();
                rsp.versions.put(tool, line == null ? "unknown" : line);
                if (r.timedOut()) {
                    logger.warning(String.format("%s --version timed out after %d s", tool, TOOL_TIMEOUT.toSeconds()));
                }
            } catch (IOException e) {
                // the JDK cannot start it: not in PATH or not executable, which for the node means "install it"
                rsp.missing.add(tool);
            }
        }
        return rsp;
    }

    // ---------------------------------------------------------------- helpers

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new AgentException(name + " is required");
        }
    }

    private static Path absolutePath(String value, String name) {
        requireText(value, name);
        Path p;
        try {
            p = Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new AgentException(String.format("%s is not a valid path: %s", name, e.getMessage()));
        }
        // a relative path would resolve against the agent's working directory, which nobody chose
        if (!p.isAbsolute()) {
            throw new AgentException(String.format("%s must be an absolute path: %s", name, value));
        }
        return p.normalize();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI u = URI.create(url.trim());
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
