package org.zstack.v2v.agent.convert;

import org.zstack.agent.AgentException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The libvirt domain XML that describes the transferred disks to {@code virt-v2v-in-place -i libvirtxml}. virt-v2v
 * reads from it the disks (raw, root first) and the bus each was on in VMware: that bus decides how it rewrites
 * device names in the guest's fstab and boot configuration (/dev/sda on SCSI or SATA, /dev/hda on old IDE becomes
 * /dev/vda). The domain type is "vmware", the truth about the source, which virt-v2v records as the source
 * hypervisor. Memory and CPUs are placeholders: an in-place conversion writes no target metadata.
 */
final class DomainXml {
    private DomainXml() {
    }

    enum Bus {
        SCSI("scsi", "sd", 0), SATA("sata", "sd", 0), IDE("ide", "hd", 4), VIRTIO("virtio", "vd", 0);

        final String libvirtName;
        final String devicePrefix;
        /** how many disks the bus takes; 0 for no limit that matters here */
        final int maxDisks;

        Bus(String libvirtName, String devicePrefix, int maxDisks) {
            this.libvirtName = libvirtName;
            this.devicePrefix = devicePrefix;
            this.maxDisks = maxDisks;
        }

        /** VMware's own names too: lsilogic, pvscsi, buslogic and lsisas1068 are all SCSI. */
        static Bus of(String name) {
            if (name == null || name.isBlank()) {
                return SCSI;
            }
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "scsi", "lsilogic", "lsilogicsas", "lsisas1068", "pvscsi", "paravirtual", "buslogic" -> SCSI;
                case "sata", "ahci" -> SATA;
                case "ide" -> IDE;
                case "virtio" -> VIRTIO;
                default -> throw new AgentException("unknown disk bus " + name + " (scsi, sata, ide, virtio)");
            };
        }
    }

    /**
     * @param buses the bus of each disk, by index; missing or null entries are SCSI, VMware's default for Linux
     */
    static String render(String name, List<Path> disks, List<String> buses) {
        StringBuilder sb = new StringBuilder();
        sb.append("<domain type='vmware'>\n");
        sb.append("  <name>").append(escape(name)).append("</name>\n");
        sb.append("  <memory unit='KiB'>1048576</memory>\n");
        sb.append("  <vcpu>1</vcpu>\n");
        sb.append("  <os>\n    <type arch='x86_64'>hvm</type>\n    <boot dev='hd'/>\n  </os>\n");
        sb.append("  <features>\n    <acpi/>\n    <apic/>\n  </features>\n");
        sb.append("  <devices>\n");
        int[] used = new int[Bus.values().length];
        for (int i = 0; i < disks.size(); i++) {
            Bus bus = Bus.of(buses != null && i < buses.size() ? buses.get(i) : null);
            int slot = used[bus.ordinal()]++;
            if (bus.maxDisks > 0 && slot >= bus.maxDisks) {
                throw new AgentException(String.format("disk %d: the %s bus takes %d disks at most", i,
                        bus.libvirtName, bus.maxDisks));
            }
            sb.append("    <disk type='file' device='disk'>\n");
            sb.append("      <driver name='qemu' type='raw'/>\n");
            sb.append("      <source file='").append(escape(disks.get(i).toString())).append("'/>\n");
            sb.append("      <target dev='").append(bus.devicePrefix).append(driveLetters(slot))
                    .append("' bus='").append(bus.libvirtName).append("'/>\n");
            sb.append("    </disk>\n");
        }
        sb.append("  </devices>\n</domain>\n");
        return sb.toString();
    }

    /** 0 → a, 25 → z, 26 → aa: the kernel's disk naming. */
    static String driveLetters(int index) {
        StringBuilder s = new StringBuilder();
        int n = index;
        do {
            s.insert(0, (char) ('a' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return s.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&apos;");
                case '"' -> sb.append("&quot;");
                default -> {
                    // control characters are not allowed in XML 1.0 at all
                    if (c >= 0x20 || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
