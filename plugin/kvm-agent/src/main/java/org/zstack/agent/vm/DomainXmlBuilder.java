package org.zstack.agent.vm;

/**
 * Writes a {@link DomainDefinition} as libvirt domain XML. Pure: everything host-specific was resolved before, so
 * the same definition always gives the same XML.
 */
public final class DomainXmlBuilder {
    private DomainXmlBuilder() {
    }

    public static String toXml(DomainDefinition d) {
        XmlElement domain = new XmlElement("domain").attr("type", d.domainType());
        domain.child("name", d.name());
        domain.child("uuid", d.uuid());
        if (d.title() != null) {
            domain.child("title", d.title());
        }
        domain.child("memory").attr("unit", "KiB").text(d.memoryKiB());
        domain.child("currentMemory").attr("unit", "KiB").text(d.memoryKiB());
        domain.child("vcpu").attr("placement", "static").text(d.cpus());
        os(domain.child("os"), d);
        XmlElement features = domain.child("features");
        features.child("acpi");
        features.child("apic");
        if (d.firmware() != null && d.firmware().secureBoot()) {
            // the secure-boot firmware protects its variable store in SMM: without it the guest could rewrite the keys
            features.child("smm").attr("state", "on");
        }
        if ("kvm".equals(d.domainType())) {
            // the guest sees the host's real CPU: fastest, and the node places VMs on like hosts anyway
            domain.child("cpu").attr("mode", "host-passthrough").attr("check", "none");
        } // else no <cpu>: TCG cannot pass a host CPU through, and QEMU's default model boots any x86-64 guest
        domain.child("clock").attr("offset", "utc");
        domain.child("on_poweroff", "destroy");
        domain.child("on_reboot", "restart");
        domain.child("on_crash", "destroy");
        devices(domain.child("devices"), d);
        return domain.toString();
    }

    private static void os(XmlElement os, DomainDefinition d) {
        os.child("type").attr("arch", "x86_64").attr("machine", d.machine()).text("hvm");
        DomainDefinition.UefiFirmware fw = d.firmware();
        if (fw != null) {
            XmlElement loader = os.child("loader").attr("readonly", "yes");
            if (fw.secureBoot()) {
                loader.attr("secure", "yes");
            }
            loader.attr("type", "pflash").text(fw.code());
            // libvirt copies the template into the VM's own NVRAM file on first start, and keeps it afterwards
            os.child("nvram").attr("template", fw.varsTemplate()).text(fw.nvram());
        }
        // no <boot dev='hd'/>: the root disk carries <boot order='1'/> instead, so that with several virtio disks
        // the firmware boots the root volume and not whichever disk it enumerates first (libvirt forbids both)
    }

    private static void devices(XmlElement devices, DomainDefinition d) {
        for (DomainDefinition.Disk disk : d.disks()) {
            XmlElement e = devices.child("disk").attr("type", "file").attr("device", "disk");
            e.child("driver").attr("name", "qemu").attr("type", disk.format()).attr("cache", disk.cache());
            e.child("source").attr("file", disk.path());
            e.child("target").attr("dev", disk.dev()).attr("bus", "virtio");
            if (disk.serial() != null) {
                e.child("serial", disk.serial());
            }
            if (disk.boot()) {
                e.child("boot").attr("order", 1);
            }
        }
        for (DomainDefinition.Nic nic : d.nics()) {
            XmlElement e = devices.child("interface").attr("type", "bridge");
            e.child("mac").attr("address", nic.mac());
            e.child("source").attr("bridge", nic.bridge());
            e.child("model").attr("type", nic.model());
        }
        XmlElement serial = devices.child("serial").attr("type", "pty");
        if (d.serialLogPath() != null) {
            // written by virtlogd from the first byte of boot, whether or not anyone is attached to the pty;
            // append='off' because each start is a new boot whose log the node reads from the top
            serial.child("log").attr("file", d.serialLogPath()).attr("append", "off");
        }
        serial.child("target").attr("port", 0);
        devices.child("console").attr("type", "pty").child("target").attr("type", "serial").attr("port", 0);
        // the QEMU guest agent's port, as ZStack gives every VM: libvirt picks the socket's path, and a guest with
        // qemu-guest-agent installed answers on it (without the port the agent waits for a device that never comes)
        XmlElement agent = devices.child("channel").attr("type", "unix");
        agent.child("target").attr("type", "virtio").attr("name", "org.qemu.guest_agent.0");
        // localhost only: the console is reached through the host (an SSH tunnel or the node's proxy), never openly
        devices.child("graphics").attr("type", "vnc").attr("port", -1).attr("autoport", "yes").attr("listen", "127.0.0.1")
                .child("listen").attr("type", "address").attr("address", "127.0.0.1");
        // standard VGA: the one adapter that both SeaBIOS and OVMF drive, so the VNC screen works in either mode
        devices.child("video").child("model").attr("type", "vga");
        devices.child("memballoon").attr("model", "virtio");
        // guests that wait for entropy at boot (sshd key generation) would otherwise stall under TCG
        devices.child("rng").attr("model", "virtio").child("backend").attr("model", "random").text("/dev/urandom");
    }
}
