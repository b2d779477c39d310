package org.zstack.vmware.source;

import org.zstack.header.vm.VmInstanceConstant;

import java.util.List;
import java.util.Locale;

/**
 * ZStack's platform of a vSphere guest id (VirtualMachineGuestOsIdentifier). The platform decides how the guest is
 * converted (virt-v2v's Windows or Linux path), so only ids that name a Linux distribution are Linux: an
 * "otherGuest", a BSD or Solaris is Other, which the conversion treats with care instead of guessing.
 */
public final class GuestPlatform {
    /** Prefixes of vSphere's Linux guest ids that do not contain "linux" themselves. */
    private static final List<String> LINUX_PREFIXES = List.of("debian", "ubuntu", "rhel", "centos", "sles", "suse",
            "opensuse", "fedora", "oracle", "mandrake", "mandriva", "redhat", "asianux", "coreos", "vmwarephoton",
            "amazonlinux", "almalinux", "rockylinux", "turbolinux", "genericlinux", "nld", "crxpod", "crxsys");

    private GuestPlatform() {
    }

    public static String of(String guestId) {
        if (guestId == null || guestId.isBlank()) {
            return VmInstanceConstant.PLATFORM_OTHER;
        }
        String g = guestId.toLowerCase(Locale.ROOT);
        if (g.startsWith("win")) {
            return VmInstanceConstant.PLATFORM_WINDOWS;
        }
        if (g.contains("linux") || LINUX_PREFIXES.stream().anyMatch(g::startsWith)) {
            return VmInstanceConstant.PLATFORM_LINUX;
        }
        return VmInstanceConstant.PLATFORM_OTHER;
    }

    /** UEFI for vSphere's firmware "efi", BIOS for anything else (vSphere's default when it says nothing). */
    public static String bootMode(String firmware) {
        return "efi".equalsIgnoreCase(firmware) ? "UEFI" : "BIOS";
    }
}
