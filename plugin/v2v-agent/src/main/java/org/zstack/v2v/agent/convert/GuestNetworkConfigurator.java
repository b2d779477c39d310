package org.zstack.v2v.agent.convert;

import org.zstack.v2v.agent.job.JobRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The network step after virt-v2v: in one guestfish session (one appliance launch) it inspects the converted
 * guest, reads its network configuration, and writes the plan that gives each mapped NIC its pinned name and
 * addressing. virt-v2v leaves this undone: the source NICs' configuration (ifupdown's ens192 ...) names devices
 * that no longer exist on KVM.
 *
 * <p>Files pass through a staging directory of the job, never through guestfish command lines or its trace
 * (netplan and ifupdown files may hold Wi-Fi keys); the directory is removed afterwards. They are read and written
 * as ISO-8859-1, which maps bytes to chars one to one, so that whatever encoding a file has survives the edit.
 */
final class GuestNetworkConfigurator {
    private static final Logger logger = Logger.getLogger(GuestNetworkConfigurator.class.getName());
    static final String FAILURE = "guest network configuration failed";

    /** @param interfaces the pinned names, by NIC; empty when the guest's network was not configured */
    record Result(GuestOs guestOs, List<String> interfaces, GuestNetworkPlan plan) {
    }

    private final JobRegistry.Job job;
    private final List<Path> disks;
    private final Path log;
    private final Path staging;
    private final Path tmpDir;
    private final boolean forceTcg;
    private int staged;

    GuestNetworkConfigurator(JobRegistry.Job job, List<Path> disks, Path log, Path staging, Path tmpDir,
                             boolean forceTcg) {
        this.job = job;
        this.disks = disks;
        this.log = log;
        this.staging = staging;
        this.tmpDir = tmpDir;
        this.forceTcg = forceTcg;
    }

    /**
     * @param known what virt-v2v's inspection said; the session's own inspection comes first where it has an answer
     */
    Result configure(List<GuestNic> nics, GuestOs known, long deadlineNanos) throws IOException, InterruptedException {
        // the guest's network files pass through here: only root may read them
        Files.createDirectories(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (GuestfishSession s = GuestfishSession.open(job, disks, log, tmpDir, forceTcg, deadlineNanos, FAILURE)) {
            GuestOs os = inspect(s).orElse(known);
            if (!"linux".equals(os.type())) {
                logger.info(String.format("job %s: the guest is %s (%s); its network is not configured here%s",
                        job.uuid(), os.type(), os.productName(), os.isWindows()
                                ? " (virt-v2v sets fixed addresses of Windows guests by a first-boot script)" : ""));
                s.finish();
                return new Result(os, List.of(), null);
            }
            job.checkCanceled();
            GuestNetworkFacts facts = readFacts(s);
            GuestNetworkPlan plan = GuestNetworkPlan.of(facts, nics);
            job.checkCanceled();
            apply(s, plan);
            s.finish();
            logger.info(String.format("job %s: network of %s configured for %s via %s; wrote %s, deleted %s",
                    job.uuid(), os.productName(), nics.stream().map(n -> n.name() + "=" + n.mac()).toList(),
                    plan.styles, plan.writes.stream().map(GuestNetworkPlan.Write::path).toList(), plan.deletes));
            plan.notes.forEach(n -> logger.info(String.format("job %s: %s", job.uuid(), n)));
            return new Result(os, nics.stream().map(GuestNic::name).toList(), plan);
        } finally {
            deleteStaging();
        }
    }

    private static GuestOs inspect(GuestfishSession s) throws IOException, InterruptedException {
        List<String> roots = s.query("inspect-get-roots");
        if (roots.isEmpty()) {
            return GuestOs.UNKNOWN;
        }
        String root = GuestfishSession.quote(roots.get(0).strip());
        return new GuestOs(first(s.query("inspect-get-type " + root)), first(s.query("inspect-get-distro " + root)),
                integer(first(s.query("inspect-get-major-version " + root))),
                integer(first(s.query("inspect-get-minor-version " + root))),
                first(s.query("inspect-get-product-name " + root)));
    }

    private GuestNetworkFacts readFacts(GuestfishSession s) throws IOException, InterruptedException {
        GuestNetworkFacts f = new GuestNetworkFacts();
        if (isFile(s, "/etc/network/interfaces")) {
            f.interfaces = download(s, "/etc/network/interfaces");
        }
        for (String name : files(s, "/etc/network/interfaces.d")) {
            f.interfacesD.put(name, download(s, "/etc/network/interfaces.d/" + name));
        }
        f.ifupdown = exists(s, "/sbin/ifup") || exists(s, "/usr/sbin/ifup");
        f.resolvconf = exists(s, "/sbin/resolvconf") || exists(s, "/usr/sbin/resolvconf");
        f.resolvConfLink = s.test("is-symlink " + GuestfishSession.quote(ResolvConf.PATH));
        if (!f.resolvConfLink && isFile(s, ResolvConf.PATH)) {
            f.resolvConf = download(s, ResolvConf.PATH);
        }
        f.netplan = exists(s, "/usr/sbin/netplan") || exists(s, "/usr/bin/netplan");
        for (String name : files(s, "/etc/netplan")) {
            if (name.endsWith(".yaml")) {
                f.netplanFiles.put(name, download(s, "/etc/netplan/" + name));
            }
        }
        f.networkManager = exists(s, "/usr/sbin/NetworkManager");
        for (String name : files(s, NetworkManagerKeyfile.DIR)) {
            f.nmProfiles.put(name, keys(s, NetworkManagerKeyfile.DIR + "/" + name, "type|interface-name|mac-address"));
        }
        f.networkScripts = isDir(s, IfcfgConfig.DIR);
        for (String name : files(s, IfcfgConfig.DIR)) {
            if (name.startsWith("ifcfg-") && name.length() > 6) {
                f.ifcfgFiles.put(name.substring(6), keys(s, IfcfgConfig.DIR + "/" + name, "DEVICE|HWADDR"));
            }
        }
        f.systemdUdev = exists(s, "/lib/systemd/systemd-udevd") || exists(s, "/usr/lib/systemd/systemd-udevd");
        f.systemdNetworkFiles.addAll(files(s, NicNamingRules.LINK_DIR));
        f.cloudInit = exists(s, "/usr/bin/cloud-init");
        if (isFile(s, "/etc/selinux/config")) {
            Map<String, String> se = keys(s, "/etc/selinux/config", "SELINUX|SELINUXTYPE");
            if (!"disabled".equalsIgnoreCase(se.getOrDefault("SELINUX", "disabled").strip())) {
                f.selinuxType = se.get("SELINUXTYPE") == null ? null : se.get("SELINUXTYPE").strip();
            }
        }
        return f;
    }

    private void apply(GuestfishSession s, GuestNetworkPlan plan) throws IOException, InterruptedException {
        for (GuestNetworkPlan.Write w : plan.writes) {
            String dir = w.path().substring(0, w.path().lastIndexOf('/'));
            s.query("mkdir-p " + GuestfishSession.quote(dir));
            Path local = staging.resolve("out-" + (staged++));
            Files.write(local, w.content().getBytes(StandardCharsets.ISO_8859_1));
            s.query("upload " + GuestfishSession.quote(local.toString()) + " " + GuestfishSession.quote(w.path()));
            s.query("chmod 0" + Integer.toOctalString(w.mode()) + " " + GuestfishSession.quote(w.path()));
        }
        for (String path : plan.deletes) {
            s.query("rm-f " + GuestfishSession.quote(path));
        }
        if (plan.selinuxSpecFile != null && isFile(s, plan.selinuxSpecFile)) {
            // new files have no SELinux label, and an enforcing guest would deny reading them; "-": a failed
            // relabel is logged, and the guest still boots (permissive guests, or a later autorelabel)
            for (GuestNetworkPlan.Write w : plan.writes) {
                s.query("-selinux-relabel " + GuestfishSession.quote(plan.selinuxSpecFile) + " "
                        + GuestfishSession.quote(w.path()));
            }
        }
    }

    /** The regular files in a directory of the guest; none when it does not exist. */
    private static List<String> files(GuestfishSession s, String dir) throws IOException, InterruptedException {
        if (!isDir(s, dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : s.query("ls " + GuestfishSession.quote(dir))) {
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")) {
                continue;
            }
            if (isFile(s, dir + "/" + name)) {
                names.add(name);
            }
        }
        return names;
    }

    private String download(GuestfishSession s, String path) throws IOException, InterruptedException {
        Path local = staging.resolve("in-" + (staged++));
        s.query("download " + GuestfishSession.quote(path) + " " + GuestfishSession.quote(local.toString()));
        String content = new String(Files.readAllBytes(local), StandardCharsets.ISO_8859_1);
        Files.delete(local);
        return content;
    }

    /**
     * Only the named keys of a KEY=value file, found by grep inside the appliance: the rest of the file (a
     * profile's password) never leaves the guest.
     */
    private static Map<String, String> keys(GuestfishSession s, String path, String keyAlternatives)
            throws IOException, InterruptedException {
        Map<String, String> keys = new LinkedHashMap<>();
        String regex = "^(" + keyAlternatives + ")=";
        for (String line : s.query("grep " + GuestfishSession.quote(regex) + " " + GuestfishSession.quote(path)
                + " extended:true")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                keys.putIfAbsent(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return keys;
    }

    private static boolean isFile(GuestfishSession s, String path) throws IOException, InterruptedException {
        return s.test("is-file " + GuestfishSession.quote(path) + " followsymlinks:true");
    }

    private static boolean isDir(GuestfishSession s, String path) throws IOException, InterruptedException {
        return s.test("is-dir " + GuestfishSession.quote(path) + " followsymlinks:true");
    }

    private static boolean exists(GuestfishSession s, String path) throws IOException, InterruptedException {
        return s.test("exists " + GuestfishSession.quote(path));
    }

    /** The first line of an inspection answer; null for none or libguestfs's "unknown". */
    private static String first(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        String v = lines.get(0).strip();
        return v.isEmpty() || v.toLowerCase(Locale.ROOT).equals("unknown") ? null : v;
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void deleteStaging() {
        try (var entries = Files.list(staging)) {
            for (Path p : entries.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(staging);
        } catch (IOException e) {
            logger.warning(String.format("job %s: cannot remove %s: %s", job.uuid(), staging, e.getMessage()));
        }
    }
}
