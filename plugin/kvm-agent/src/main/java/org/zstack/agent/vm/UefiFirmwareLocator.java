package org.zstack.agent.vm;

import org.zstack.agent.AgentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the OVMF firmware (Debian's {@code ovmf} package) for UEFI guests. The code image and the variable
 * template must come as a pair of the same flash size: a 4M code with a 2M variable store does not boot.
 */
final class UefiFirmwareLocator {
    static final Path OVMF_DIR = Path.of("/usr/share/OVMF");
    static final Path NVRAM_DIR = Path.of("/var/lib/libvirt/qemu/nvram");

    /** Preferred first: the 4M build is current; the 2M one is what older hosts have. Neither needs SMM. */
    private static final List<String[]> PAIRS = List.of(
            new String[]{"OVMF_CODE_4M.fd", "OVMF_VARS_4M.fd"},
            new String[]{"OVMF_CODE.fd", "OVMF_VARS.fd"});

    private final Path ovmfDir;
    private final Path nvramDir;

    UefiFirmwareLocator() {
        this(OVMF_DIR, NVRAM_DIR);
    }

    UefiFirmwareLocator(Path ovmfDir, Path nvramDir) {
        this.ovmfDir = ovmfDir;
        this.nvramDir = nvramDir;
    }

    /** @param libvirtUuid the VM's uuid in libvirt's form, which names its NVRAM file as libvirt itself would */
    DomainDefinition.UefiFirmware locate(String libvirtUuid) {
        for (String[] pair : PAIRS) {
            Path code = ovmfDir.resolve(pair[0]);
            Path vars = ovmfDir.resolve(pair[1]);
            if (Files.isRegularFile(code) && Files.isRegularFile(vars)) {
                return new DomainDefinition.UefiFirmware(code.toString(), vars.toString(),
                        nvramDir.resolve(libvirtUuid + "_VARS.fd").toString());
            }
        }
        throw new AgentException(String.format("UEFI boot needs the OVMF firmware, but neither %s nor %s (with its"
                        + " VARS template) exists on this host; install the ovmf package",
                ovmfDir.resolve(PAIRS.get(0)[0]), ovmfDir.resolve(PAIRS.get(1)[0])));
    }
}
