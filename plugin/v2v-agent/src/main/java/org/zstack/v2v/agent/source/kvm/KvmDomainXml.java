package org.zstack.v2v.agent.source.kvm;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.zstack.agent.AgentException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a libvirt domain XML into a {@link KvmDomain}: what the XML alone says. Sizes of disks, paths of pool volumes
 * and the power state need the live connection and are filled in by {@link DomainInspector}.
 */
final class KvmDomainXml {
    private KvmDomainXml() {
    }

    /** A disk as read, with its per-device boot order (0: none) that decides which disk is the root. */
    private record ParsedDisk(KvmDisk disk, int bootOrder) {
    }

    static KvmDomain parse(String xml) {
        Element root = document(xml).getDocumentElement();
        if (!"domain".equals(root.getTagName())) {
            throw new AgentException("not a libvirt domain XML: the root element is <" + root.getTagName() + ">");
        }
        KvmDomain d = new KvmDomain();
        d.uuid = text(child(root, "uuid"));
        d.name = text(child(root, "name"));
        d.cpuNum = cpuNum(child(root, "vcpu"));
        d.memorySize = bytes(child(root, "memory"));
        Element os = child(root, "os");
        d.machine = attr(child(os, "type"), "machine");
        d.firmware = firmware(os);
        Element devices = child(root, "devices");
        d.disks = orderedDisks(devices);
        d.nics = nics(devices);
        d.virtioReady = d.disks.stream().allMatch(x -> "virtio".equals(x.bus))
                && d.nics.stream().allMatch(n -> "virtio".equals(n.model));
        return d;
    }

    /** What a storage volume's XML says that the domain's may not: its type, and whether it has a backing file. */
    record VolumeFacts(String type, boolean backing) {
    }

    /**
     * {@code <volume type='file'>...<backingStore><path>/base.qcow2</path>...}: libvirt fills a domain's backing chain
     * only while it runs, but a pool's volume always tells.
     */
    static VolumeFacts volume(String volumeXml) {
        Element root = document(volumeXml).getDocumentElement();
        Element backing = child(root, "backingStore");
        return new VolumeFacts(attr(root, "type"), text(child(backing, "path")) != null);
    }

    /** {@code <os firmware='efi'>} (libvirt's auto-selection) or a pflash loader (OVMF, by hand): UEFI; else BIOS. */
    static String firmware(Element os) {
        if ("efi".equals(attr(os, "firmware"))) {
            return "uefi";
        }
        return "pflash".equals(attr(child(os, "loader"), "type")) ? "uefi" : "bios";
    }

    /**
     * The boot disk first, then the others in document order. The boot disk is the one with the lowest per-device
     * {@code <boot order>}; without any, {@code <os><boot dev='hd'/>} boots the first disk of the document.
     */
    private static List<KvmDisk> orderedDisks(Element devices) {
        List<ParsedDisk> parsed = new ArrayList<>();
        for (Element e : children(devices, "disk")) {
            // cdrom, floppy and lun are not migrated: there is no volume to make of them
            String device = attr(e, "device");
            if (device == null || "disk".equals(device)) {
                parsed.add(new ParsedDisk(disk(e), intAttr(child(e, "boot"), "order")));
            }
        }
        List<ParsedDisk> ordered = new ArrayList<>(parsed);
        parsed.stream().filter(p -> p.bootOrder > 0).min(Comparator.comparingInt(ParsedDisk::bootOrder))
                .ifPresent(boot -> {
                    ordered.remove(boot);
                    ordered.add(0, boot);
                });
        List<KvmDisk> disks = new ArrayList<>();
        for (ParsedDisk p : ordered) {
            p.disk.index = disks.size();
            disks.add(p.disk);
        }
        return disks;
    }

    private static KvmDisk disk(Element e) {
        KvmDisk k = new KvmDisk();
        k.type = attr(e, "type");
        Element target = child(e, "target");
        k.target = attr(target, "dev");
        k.bus = attr(target, "bus");
        k.format = attr(child(e, "driver"), "type");
        Element source = child(e, "source");
        switch (k.type == null ? "" : k.type) {
            case "file" -> k.path = attr(source, "file");
            case "block" -> k.path = attr(source, "dev");
            case "volume" -> {
                k.pool = attr(source, "pool");
                k.volume = attr(source, "volume");
            }
            case "network" -> {
                k.protocol = attr(source, "protocol");
                k.path = attr(source, "name");
            }
            default -> {
                // dir, nvme, vhostuser ...: kept as listed, refused below
            }
        }
        // libvirt writes an empty <backingStore/> for "no backing file"; a chain has a <source> or <format> inside
        Element backing = child(e, "backingStore");
        k.backing = backing != null && !children(backing, null).isEmpty();
        supportFromXml(k);
        return k;
    }

    /** What the XML alone rules out; the inspector adds what only the connection can tell. */
    private static void supportFromXml(KvmDisk k) {
        String name = k.target == null ? "?" : k.target;
        if ("network".equals(k.type)) {
            k.unsupported(String.format("disk %s is on %s storage (network): not supported", name,
                    k.protocol == null ? "unknown" : k.protocol));
        } else if (!List.of("file", "block", "volume").contains(String.valueOf(k.type))) {
            k.unsupported(String.format("disk %s is of type %s: not supported (file, block, volume)", name, k.type));
        } else if (("volume".equals(k.type) && (k.pool == null || k.volume == null))
                || (!"volume".equals(k.type) && k.path == null)) {
            k.unsupported(String.format("disk %s has no source: nothing to copy", name));
        }
    }

    private static List<KvmNic> nics(Element devices) {
        List<KvmNic> nics = new ArrayList<>();
        for (Element e : children(devices, "interface")) {
            KvmNic n = new KvmNic();
            n.type = attr(e, "type");
            n.mac = attr(child(e, "mac"), "address");
            n.model = attr(child(e, "model"), "type");
            Element source = child(e, "source");
            n.network = attr(source, "network");
            n.bridge = attr(source, "bridge");
            String dev = attr(source, "dev");
            n.networkName = n.network != null ? n.network : n.bridge != null ? n.bridge : dev;
            nics.add(n);
        }
        return nics;
    }

    /** {@code <vcpu current='2'>4</vcpu>}: the guest runs with 2; the 4 are hot-plug room the target does not need. */
    private static int cpuNum(Element vcpu) {
        int current = intAttr(vcpu, "current");
        if (current > 0) {
            return current;
        }
        String t = text(vcpu);
        return t == null ? 0 : Integer.parseInt(t.trim());
    }

    /** libvirt's memory units (KiB when none is given) to bytes. */
    static long bytes(Element e) {
        String t = text(e);
        if (t == null) {
            return 0;
        }
        long v = Long.parseLong(t.trim());
        String unit = attr(e, "unit");
        return v * switch (unit == null ? "kib" : unit.toLowerCase(Locale.ROOT)) {
            case "b", "bytes" -> 1L;
            case "kb" -> 1000L;
            case "k", "kib" -> 1L << 10;
            case "mb" -> 1000_000L;
            case "m", "mib" -> 1L << 20;
            case "gb" -> 1000_000_000L;
            case "g", "gib" -> 1L << 30;
            case "tb" -> 1000_000_000_000L;
            case "t", "tib" -> 1L << 40;
            default -> throw new AgentException("unknown memory unit " + unit + " in the domain XML");
        };
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // the XML comes from another host: no DTDs, no external entities
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AgentException("cannot read the domain XML: " + e.getMessage(), e);
        }
    }

    /** The first child element of that name, or null (also for a null parent: optional elements chain safely). */
    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && el.getTagName().equals(name)) {
                return el;
            }
        }
        return null;
    }

    /** The child elements of that name, all of them when name is null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        if (parent == null) {
            return list;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && (name == null || el.getTagName().equals(name))) {
                list.add(el);
            }
        }
        return list;
    }

    private static String attr(Element e, String name) {
        if (e == null || !e.hasAttribute(name)) {
            return null;
        }
        return e.getAttribute(name);
    }

    private static int intAttr(Element e, String name) {
        String v = attr(e, name);
        return v == null ? 0 : Integer.parseInt(v.trim());
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent();
        return t == null || t.isBlank() ? null : t.trim();
    }
}
