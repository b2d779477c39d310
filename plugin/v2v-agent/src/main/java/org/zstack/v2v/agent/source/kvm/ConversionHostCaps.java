package org.zstack.v2v.agent.source.kvm;

import org.zstack.agent.ProcessRunner;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this conversion host can do for a KVM source: its tools and their versions (null: not installed). Probed once
 * per agent process, since packages do not change under a running agent and the listing is called often.
 */
public class ConversionHostCaps {
    private static final Logger logger = Logger.getLogger(ConversionHostCaps.class.getName());
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    public String virtV2v;
    public String virtV2vInPlace;
    public String qemuImg;
    public String qemuNbd;
    public String nbdkit;
    /** guestfish's version, which is libguestfs's */
    public String libguestfs;
    /** the disks are read over the same SSH login libvirt uses */
    public boolean sshTransfer = true;
    public List<String> supportedDiskTypes = List.of("file", "block", "volume");

    private static volatile ConversionHostCaps cached;

    static ConversionHostCaps get() {
        ConversionHostCaps c = cached;
        if (c == null) {
            synchronized (ConversionHostCaps.class) {
                if (cached == null) {
                    cached = probe(ConversionHostCaps::versionOf);
                }
                c = cached;
            }
        }
        return c;
    }

    static ConversionHostCaps probe(Function<String, String> version) {
        ConversionHostCaps c = new ConversionHostCaps();
        c.virtV2v = version.apply("virt-v2v");
        c.virtV2vInPlace = version.apply("virt-v2v-in-place");
        c.qemuImg = version.apply("qemu-img");
        c.qemuNbd = version.apply("qemu-nbd");
        c.nbdkit = version.apply("nbdkit");
        c.libguestfs = version.apply("guestfish");
        return c;
    }

    /** The version in {@code <tool> --version}'s first line ("qemu-img version 7.2.22 (Debian ...)"), or null. */
    static String versionOf(String tool) {
        try {
            ProcessRunner.Result r = ProcessRunner.run(List.of(tool, "--version"), PROBE_TIMEOUT);
            if (!r.ok()) {
                logger.warning(String.format("%s --version failed: %s", tool, r.firstLine()));
                return null;
            }
            return parseVersion(r.firstLine());
        } catch (IOException e) {
            // not installed: a fact to report, not an error
            return null;
        }
    }

    static String parseVersion(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = VERSION.matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
