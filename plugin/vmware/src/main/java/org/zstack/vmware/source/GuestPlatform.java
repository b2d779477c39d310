package org.zstack.vmware.source;

import org.zstack.header.vm.VmInstanceConstant;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ZStack's platform of a vSphere guest id (VirtualMachineGuestOsIdentifier of the vSphere 6.5 to 8.0 API): Linux,
 * Windows, WindowsVirtio or Other. The table names every Windows id and every id of a Linux family; ids newer than
 * the table fall back to their family's prefix. Only ids that name a Linux distribution are Linux: an otherGuest,
 * a BSD, Solaris or NetWare is Other, which the conversion treats with care instead of guessing.
 * <p>
 * Windows versions virtio-win has drivers for (Vista / Server 2008 and later: virt-v2v installs them) are
 * WindowsVirtio; the older ones (up to XP / Server 2003) keep emulated devices, so they are Windows.
 * <p>
 * Distributions vSphere has no id for (Kylin, UOS, openEuler, Anolis, Deepin...) are configured as a generic
 * "other*Linux" or even "otherGuest": for those generic ids the guest's full name (VMware Tools report the real
 * one) and the VM's annotation decide.
 */
public final class GuestPlatform {
    static final String LINUX = VmInstanceConstant.PLATFORM_LINUX;
    static final String WINDOWS = VmInstanceConstant.PLATFORM_WINDOWS;
    static final String WINDOWS_VIRTIO = "WindowsVirtio";
    static final String OTHER = VmInstanceConstant.PLATFORM_OTHER;

    /** Exact ids, lower-cased. */
    static final Map<String, String> TABLE = new HashMap<>();

    private static void put(String platform, String... ids) {
        for (String id : ids) {
            if (TABLE.put(id.toLowerCase(Locale.ROOT), platform) != null) {
                throw new IllegalStateException("guest id " + id + " is twice in the table");
            }
        }
    }

    static {
        // Windows without virtio-win drivers
        put(WINDOWS, "win31Guest", "win95Guest", "win98Guest", "winMeGuest", "winNTGuest", "win2000ProGuest",
                "win2000ServGuest", "win2000AdvServGuest", "winXPHomeGuest", "winXPProGuest", "winXPPro64Guest",
                "winNetWebGuest", "winNetStandardGuest", "winNetEnterpriseGuest", "winNetDatacenterGuest",
                "winNetBusinessGuest", "winNetStandard64Guest", "winNetEnterprise64Guest", "winNetDatacenter64Guest");
        // Windows with virtio-win drivers: Vista / Server 2008 (Longhorn) and later
        put(WINDOWS_VIRTIO, "winLonghornGuest", "winLonghorn64Guest", "winVistaGuest", "winVista64Guest",
                "windows7Guest", "windows7_64Guest", "windows7Server64Guest", "windows8Guest", "windows8_64Guest",
                "windows8Server64Guest", "windows9Guest", "windows9_64Guest", "windows9Server64Guest",
                "windows11_64Guest", "windows12_64Guest", "windowsHyperVGuest", "windows2019srv_64Guest",
                "windows2019srvNext_64Guest", "windows2022srvNext_64Guest");
        // Linux: Red Hat and its rebuilds
        put(LINUX, "redhatGuest", "rhel2Guest", "rhel3Guest", "rhel3_64Guest", "rhel4Guest", "rhel4_64Guest",
                "rhel5Guest", "rhel5_64Guest", "rhel6Guest", "rhel6_64Guest", "rhel7Guest", "rhel7_64Guest",
                "rhel8_64Guest", "rhel9_64Guest", "centosGuest", "centos64Guest", "centos6Guest", "centos6_64Guest",
                "centos7Guest", "centos7_64Guest", "centos8_64Guest", "centos9_64Guest", "oracleLinuxGuest",
                "oracleLinux64Guest", "oracleLinux6Guest", "oracleLinux6_64Guest", "oracleLinux7Guest",
                "oracleLinux7_64Guest", "oracleLinux8_64Guest", "oracleLinux9_64Guest", "rockylinux_64Guest",
                "almalinux_64Guest", "fedoraGuest", "fedora64Guest", "asianux3Guest", "asianux3_64Guest",
                "asianux4Guest", "asianux4_64Guest", "asianux5_64Guest", "asianux7_64Guest", "asianux8_64Guest",
                "asianux9_64Guest", "miraclelinux_64Guest", "amazonlinux2_64Guest", "amazonlinux3_64Guest");
        // Linux: Debian and Ubuntu
        put(LINUX, "debian4Guest", "debian4_64Guest", "debian5Guest", "debian5_64Guest", "debian6Guest",
                "debian6_64Guest", "debian7Guest", "debian7_64Guest", "debian8Guest", "debian8_64Guest",
                "debian9Guest", "debian9_64Guest", "debian10Guest", "debian10_64Guest", "debian11Guest",
                "debian11_64Guest", "debian12Guest", "debian12_64Guest", "ubuntuGuest", "ubuntu64Guest");
        // Linux: SUSE and Novell
        put(LINUX, "suseGuest", "suse64Guest", "slesGuest", "sles64Guest", "sles10Guest", "sles10_64Guest",
                "sles11Guest", "sles11_64Guest", "sles12Guest", "sles12_64Guest", "sles15_64Guest", "sles16_64Guest",
                "opensuseGuest", "opensuse64Guest", "nld9Guest", "oesGuest", "sjdsGuest");
        // Linux: others named by vSphere, and the generic ids
        put(LINUX, "mandrakeGuest", "mandrivaGuest", "mandriva64Guest", "turboLinuxGuest", "turboLinux64Guest",
                "coreos64Guest", "vmwarePhoton64Guest", "crxPod1Guest", "crxSys1Guest", "genericLinuxGuest",
                "otherLinuxGuest", "otherLinux64Guest", "other24xLinuxGuest", "other24xLinux64Guest",
                "other26xLinuxGuest", "other26xLinux64Guest", "other3xLinuxGuest", "other3xLinux64Guest",
                "other4xLinuxGuest", "other4xLinux64Guest", "other5xLinuxGuest", "other5xLinux64Guest",
                "other6xLinuxGuest", "other6xLinux64Guest");
        // neither: the conversion has no path for them
        put(OTHER, "otherGuest", "otherGuest64", "dosGuest", "os2Guest", "netware4Guest", "netware5Guest",
                "netware6Guest", "solaris6Guest", "solaris7Guest", "solaris8Guest", "solaris9Guest",
                "solaris10Guest", "solaris10_64Guest", "solaris11_64Guest", "freebsdGuest", "freebsd64Guest",
                "freebsd11Guest", "freebsd11_64Guest", "freebsd12Guest", "freebsd12_64Guest", "freebsd13Guest",
                "freebsd13_64Guest", "freebsd14Guest", "freebsd14_64Guest", "darwinGuest", "darwin64Guest",
                "darwin10Guest", "darwin10_64Guest", "darwin11Guest", "darwin11_64Guest", "darwin12_64Guest",
                "darwin13_64Guest", "darwin14_64Guest", "darwin15_64Guest", "darwin16_64Guest", "darwin17_64Guest",
                "darwin18_64Guest", "darwin19_64Guest", "darwin20_64Guest", "darwin21_64Guest", "darwin22_64Guest",
                "darwin23_64Guest", "openServer5Guest", "openServer6Guest", "unixWare7Guest", "eComStationGuest",
                "eComStation2Guest", "vmkernelGuest", "vmkernel5Guest", "vmkernel6Guest", "vmkernel65Guest",
                "vmkernel7Guest", "vmkernel8Guest");
    }

    /** Prefixes of Linux families, for ids newer than the table (rhel10_64Guest, debian13_64Guest...). */
    private static final List<String> LINUX_PREFIXES = List.of("debian", "ubuntu", "rhel", "centos", "sles", "suse",
            "opensuse", "fedora", "oracle", "mandrake", "mandriva", "redhat", "asianux", "coreos", "vmwarephoton",
            "amazonlinux", "almalinux", "rockylinux", "miraclelinux", "turbolinux", "genericlinux", "crxpod", "crxsys");

    /**
     * Words in a guest's full name or a VM's annotation that name a Linux distribution, for the generic ids;
     * matched as whole words, so "uos" is not found in "virtuoso".
     */
    private static final List<String> LINUX_NAMES = List.of("linux", "kylin", "neokylin", "uos", "uniontech",
            "openeuler", "euleros", "anolis", "deepin", "openanolis", "centos", "rhel", "red hat", "debian", "ubuntu",
            "suse", "sles", "fedora", "rocky", "alma", "oracle linux", "tencentos", "opencloudos", "alinux");

    private GuestPlatform() {
    }

    /** The platform of a guest id alone. */
    public static String of(String guestId) {
        if (guestId == null || guestId.isBlank()) {
            return OTHER;
        }
        String g = guestId.trim().toLowerCase(Locale.ROOT);
        String known = TABLE.get(g);
        if (known != null) {
            return known;
        }
        if (g.startsWith("win")) {
            // a Windows newer than the table
            return WINDOWS_VIRTIO;
        }
        if (g.contains("linux") || LINUX_PREFIXES.stream().anyMatch(g::startsWith)) {
            return LINUX;
        }
        return OTHER;
    }

    /**
     * The platform of a guest id, with the full name and the annotation read when the id is generic: an
     * "otherGuest" whose full name or annotation names Kylin (or another Linux distribution) is Linux, one that
     * names Windows is WindowsVirtio.
     *
     * @param fullName   the guest's full name: VMware Tools' (guest.guestFullName) if running, else the configured one
     * @param annotation the VM's notes in vSphere; may be null
     */
    public static String of(String guestId, String fullName, String annotation) {
        String byId = of(guestId);
        if (!generic(guestId)) {
            return byId;
        }
        for (String text : new String[]{fullName, annotation}) {
            String named = named(text);
            if (named != null) {
                return named;
            }
        }
        return byId;
    }

    /** The ids that say no more than "some Linux" or "some OS". */
    static boolean generic(String guestId) {
        if (guestId == null || guestId.isBlank()) {
            return true;
        }
        String g = guestId.trim().toLowerCase(Locale.ROOT);
        return g.startsWith("other") || g.equals("genericlinuxguest");
    }

    /** The platform a free text names, or null when it names none (vSphere's own "Other (64-bit)" names none). */
    static String named(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        if (t.contains(" windows ")) {
            return WINDOWS_VIRTIO;
        }
        for (String n : LINUX_NAMES) {
            if (t.contains(" " + n + " ")) {
                return LINUX;
            }
        }
        return null;
    }

    /** UEFI for vSphere's firmware "efi", BIOS for anything else (vSphere's default when it says nothing). */
    public static String bootMode(String firmware) {
        return "efi".equalsIgnoreCase(firmware) ? "UEFI" : "BIOS";
    }
}
