package org.zstack.agent.vm;

import org.zstack.agent.AgentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Finds the Linux bridge a NIC plugs into. The node sends either the bridge itself (a libvirt network's virbr0, a
 * bridge made by hand) or the physical interface of an L2 network, whose bridge ZStack names {@code br_<interface>}.
 */
final class BridgeResolver {
    static final Path SYS_CLASS_NET = Path.of("/sys/class/net");
    /** A kernel interface name: at most 15 bytes, no slash, whitespace or colon. */
    private static final Pattern IFNAME = Pattern.compile("[^/\\s:]{1,15}");

    private final Path sysClassNet;

    BridgeResolver() {
        this(SYS_CLASS_NET);
    }

    /** @param sysClassNet the sysfs directory of interfaces; another one in tests */
    BridgeResolver(Path sysClassNet) {
        this.sysClassNet = sysClassNet;
    }

    /** @return the bridge to put in {@code <source bridge=…/>} */
    String resolve(String bridgeName) {
        if (bridgeName == null || bridgeName.isBlank()) {
            throw new AgentException("bridgeName is required");
        }
        String name = bridgeName.trim();
        if (!IFNAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new AgentException("bridgeName is not an interface name: " + bridgeName);
        }
        if (isBridge(name)) {
            return name;
        }
        String zstackBridge = "br_" + name;
        if (isBridge(zstackBridge)) {
            return zstackBridge;
        }
        throw new AgentException(String.format("no bridge for %s on this host: neither %s nor %s is a bridge",
                name, name, zstackBridge));
    }

    /** The kernel gives every bridge, and only bridges, a {@code bridge/} directory in sysfs. */
    private boolean isBridge(String name) {
        return name.length() <= 15 && Files.isDirectory(sysClassNet.resolve(name).resolve("bridge"));
    }
}
