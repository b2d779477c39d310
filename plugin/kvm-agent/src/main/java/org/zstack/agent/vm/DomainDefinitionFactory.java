package org.zstack.agent.vm;

import org.zstack.agent.AgentException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.zstack.agent.vm.VmAgentCommands.*;

/**
 * Turns a {@code /vm/start} command into a {@link DomainDefinition}: checks every field, with an error naming it,
 * before libvirt is asked anything, and resolves what depends on this host (bridges, firmware, cache modes).
 */
final class DomainDefinitionFactory {
    private static final Pattern UUID_32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern UUID_36 = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");
    private static final Set<String> DISK_FORMATS = Set.of("qcow2", "raw");
    private static final Set<String> NIC_MODELS = Set.of("virtio", "e1000", "rtl8139");

    private final BridgeResolver bridges;
    private final UefiFirmwareLocator firmware;
    private final Function<Path, String> cachePolicy;

    DomainDefinitionFactory() {
        this(new BridgeResolver(), new UefiFirmwareLocator(), DiskCachePolicy::choose);
    }

    DomainDefinitionFactory(BridgeResolver bridges, UefiFirmwareLocator firmware, Function<Path, String> cachePolicy) {
        this.bridges = bridges;
        this.firmware = firmware;
        this.cachePolicy = cachePolicy;
    }

    DomainDefinition create(StartVmCmd cmd) {
        String name = vmUuid(cmd.vmUuid);
        String uuid = libvirtUuid(name);
        if (cmd.cpuNum == null || cmd.cpuNum < 1) {
            throw new AgentException("cpuNum must be at least 1, not " + cmd.cpuNum);
        }
        if (cmd.memorySize == null || cmd.memorySize <= 0) {
            throw new AgentException("memorySize must be a positive number of bytes, not " + cmd.memorySize);
        }
        long memoryKiB = (cmd.memorySize + 1023) / 1024;
        String domainType = oneOf(cmd.domainType, "kvm", Set.of("kvm", "qemu"), "domainType");
        String machine = oneOf(cmd.machineType, "pc", Set.of("pc", "q35"), "machineType");
        boolean uefi = uefi(cmd.bootMode);
        if (cmd.secureBoot && !uefi) {
            throw new AgentException("secureBoot needs bootMode UEFI, not " + cmd.bootMode);
        }
        if (cmd.secureBoot && !"q35".equals(machine)) {
            // OVMF's secure-boot build keeps its variables in SMM, which QEMU's i440fx (pc) machine does not have
            throw new AgentException("secureBoot needs machineType q35, not " + machine);
        }
        DomainDefinition.UefiFirmware fw = uefi ? firmware.locate(uuid, cmd.secureBoot) : null;
        String serialLog = cmd.serialLogPath == null || cmd.serialLogPath.isBlank()
                ? null : absolutePath(cmd.serialLogPath, "serialLogPath").toString();
        return new DomainDefinition(name, uuid, title(cmd.vmName), domainType, machine, memoryKiB, cmd.cpuNum, fw,
                disks(cmd.volumes), nics(cmd.nics), serialLog);
    }

    /** The vmUuid as sent (it names the domain), once it is known to be a uuid. */
    static String vmUuid(String vmUuid) {
        if (vmUuid == null || vmUuid.isBlank()) {
            throw new AgentException("vmUuid is required");
        }
        String u = vmUuid.trim();
        if (!UUID_32.matcher(u).matches() && !UUID_36.matcher(u).matches()) {
            throw new AgentException("vmUuid is not a uuid: " + vmUuid);
        }
        return u;
    }

    /** ZStack writes uuids as 32 hex digits; libvirt shows them as 8-4-4-4-12, lower case. */
    static String libvirtUuid(String vmUuid) {
        String hex = vmUuid.replace("-", "").toLowerCase(Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static boolean uefi(String bootMode) {
        if (bootMode == null || bootMode.isBlank()) {
            return false;
        }
        // ZStack's own VmBootMode calls the BIOS "Legacy"; both spellings mean the same
        return switch (bootMode.trim().toUpperCase(Locale.ROOT)) {
            case "BIOS", "LEGACY" -> false;
            case "UEFI" -> true;
            default -> throw new AgentException("bootMode must be BIOS or UEFI, not " + bootMode);
        };
    }

    /** libvirt refuses a title with a newline, and XML cannot carry most control characters at all. */
    private static String title(String vmName) {
        if (vmName == null) {
            return null;
        }
        String t = vmName.replaceAll("\\p{Cntrl}+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    private List<DomainDefinition.Disk> disks(List<VolumeTO> volumes) {
        if (volumes == null || volumes.isEmpty()) {
            throw new AgentException("volumes must hold at least the root volume");
        }
        List<VolumeTO> sorted = new ArrayList<>(volumes);
        for (VolumeTO v : sorted) {
            if (v == null || v.deviceId == null || v.deviceId < 0) {
                throw new AgentException("every volume needs a deviceId of 0 or more");
            }
        }
        sorted.sort(Comparator.comparingInt(v -> v.deviceId));
        Set<Integer> seen = new HashSet<>();
        List<DomainDefinition.Disk> out = new ArrayList<>();
        for (VolumeTO v : sorted) {
            if (!seen.add(v.deviceId)) {
                throw new AgentException("two volumes have deviceId " + v.deviceId);
            }
            String what = "volume " + (v.uuid == null ? "with deviceId " + v.deviceId : v.uuid);
            Path path = absolutePath(v.installPath, "installPath of " + what);
            if (!Files.exists(path)) {
                throw new AgentException(String.format("%s does not exist at %s", what, path));
            }
            String format = oneOf(v.format, "qcow2", DISK_FORMATS, "format of " + what);
            boolean root = out.isEmpty(); // the lowest deviceId: 0 when the node numbers as ZStack does
            out.add(new DomainDefinition.Disk(DiskNames.virtio(v.deviceId), path.toString(), format,
                    cachePolicy.apply(path), blankToNull(v.uuid), root));
        }
        return out;
    }

    private List<DomainDefinition.Nic> nics(List<NicTO> nics) {
        if (nics == null) {
            return List.of();
        }
        List<NicTO> sorted = new ArrayList<>(nics);
        for (NicTO n : sorted) {
            if (n == null || n.deviceId == null || n.deviceId < 0) {
                throw new AgentException("every nic needs a deviceId of 0 or more");
            }
        }
        // libvirt gives NICs PCI slots in the order they are listed, and the guest names them in slot order
        sorted.sort(Comparator.comparingInt(n -> n.deviceId));
        Set<Integer> seenIds = new HashSet<>();
        Set<String> seenMacs = new HashSet<>();
        List<DomainDefinition.Nic> out = new ArrayList<>();
        for (NicTO n : sorted) {
            if (!seenIds.add(n.deviceId)) {
                throw new AgentException("two nics have deviceId " + n.deviceId);
            }
            String mac = n.mac == null ? "" : n.mac.trim().toLowerCase(Locale.ROOT);
            if (!MAC.matcher(mac).matches()) {
                throw new AgentException(String.format("nic %d: mac is not a MAC address: %s", n.deviceId, n.mac));
            }
            // a multicast source address is refused by every switch and by libvirt itself
            if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
                throw new AgentException(String.format("nic %d: mac %s is a multicast address", n.deviceId, mac));
            }
            if (!seenMacs.add(mac)) {
                throw new AgentException("two nics have mac " + mac);
            }
            String model = oneOf(n.model, "virtio", NIC_MODELS, "model of nic " + n.deviceId);
            out.add(new DomainDefinition.Nic(mac, bridges.resolve(n.bridgeName), model));
        }
        return out;
    }

    private static String oneOf(String value, String dflt, Set<String> allowed, String field) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new AgentException(String.format("%s must be one of %s, not %s", field,
                    allowed.stream().sorted().toList(), value));
        }
        return v;
    }

    private static Path absolutePath(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new AgentException(field + " is required");
        }
        Path p;
        try {
            p = Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new AgentException(String.format("%s is not a valid path: %s", field, e.getMessage()));
        }
        // relative to what? libvirtd's working directory is not the agent's
        if (!p.isAbsolute()) {
            throw new AgentException(String.format("%s must be an absolute path: %s", field, value));
        }
        return p.normalize();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
