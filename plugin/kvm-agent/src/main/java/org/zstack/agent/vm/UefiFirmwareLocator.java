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

    /**
     * Secure boot: the SMM build of the code with a variable template that has Microsoft's keys enrolled, which
     * Windows' boot manager and the shim of signed Linux distributions are signed with.
     */
    private static final List<String[]> SECURE_PAIRS = List.of(
            new String[]{"OVMF_CODE_4M.secboot.fd", "OVMF_VARS_4M.ms.fd"},
            new String[]{"OVMF_CODE.secboot.fd", "OVMF_VARS.ms.fd"});

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
        return locate(libvirtUuid, false);
    }

    /** @param secureBoot the guest booted with secure boot at its source: it gets OVMF's secure-boot build, or an error */
    DomainDefinition.UefiFirmware locate(String libvirtUuid, boolean secureBoot) {
        for (String[] pair : secureBoot ? SECURE_PAIRS : PAIRS) {
            Path code = ovmfDir.resolve(pair[0]);
            Path vars = ovmfDir.resolve(pair[1]);
            if (Files.isRegularFile(code) && Files.isRegularFile(vars)) {
                return new DomainDefinition.UefiFirmware(code.toString(), vars.toString(),
                        nvramDir.resolve(libvirtUuid + "_VARS.fd").toString(), secureBoot);
            }
        }
        if (secureBoot) {
            throw new AgentException(String.format("the VM boots with UEFI secure boot, but this host has no OVMF"
                            + " secure-boot firmware: neither %s with %s nor %s with %s exists; install the ovmf package"
                            + " (Debian 12 / Ubuntu 22.04 or later ship it)", ovmfDir.resolve(SECURE_PAIRS.get(0)[0]),
                    SECURE_PAIRS.get(0)[1], ovmfDir.resolve(SECURE_PAIRS.get(1)[0]), SECURE_PAIRS.get(1)[1]));
        }
        throw new AgentException(String.format("UEFI boot needs the OVMF firmware, but neither %s nor %s (with its"
                        + " VARS template) exists on this host; install the ovmf package",
                ovmfDir.resolve(PAIRS.get(0)[0]), ovmfDir.resolve(PAIRS.get(1)[0])));
    }
}
