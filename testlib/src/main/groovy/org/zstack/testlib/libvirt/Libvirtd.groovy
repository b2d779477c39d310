package org.zstack.testlib.libvirt

import org.w3c.dom.Document
import org.w3c.dom.Element

import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathConstants
import javax.xml.xpath.XPathFactory
import java.nio.channels.FileChannel
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.util.concurrent.TimeUnit
import java.util.regex.Pattern

/**
 * The machine's real libvirtd (qemu:///system) for the cases that boot guests under it: there is no systemd on
 * the test machines, so {@link #ensure()} starts virtlogd and libvirtd itself when they are not running, and
 * brings up libvirt's "default" NAT network (virbr0, DHCP by dnsmasq) that migrated guests get their address from.
 *
 * <pre>
 *   def net = Libvirtd.ensure()          // [bridge: virbr0, cidr: 192.168.122.0/24, gateway: 192.168.122.1, ...]
 *   String ip = Libvirtd.awaitLease("52:54:00:12:34:56", 180)
 *   Libvirtd.awaitSerial("v2v-vm-1", ~/login: /, 300)
 *   Libvirtd.destroyDomains("v2v-")       // cleanup: destroy and undefine (storage stays)
 * </pre>
 *
 * The daemons keep running after the JVM (other cases and JVMs use them); they are started once per machine.
 * Guests must be {@code type='qemu'} (TCG): KVM does not work here.
 */
class Libvirtd {
    static final String URI = "qemu:///system"
    static final Path SOCKET = Path.of("/run/libvirt/libvirt-sock")
    static final String NETWORK = "default"
    static final String PACKAGES = "apt-get install libvirt-daemon-system libvirt-clients qemu-system-x86 dnsmasq-base"
    /** what libvirt-daemon-config-network installs; defined from it when the machine lost its "default" network */
    static final Path DEFAULT_NETWORK_XML = Path.of("/usr/share/libvirt/networks/default.xml")
    /** serializes ensure() across JVMs: two libvirtd -d at once would race on the pid file */
    static final Path LOCK = Path.of("/run/lock/zstack-libvirtd.lock")

    /** The "default" network as libvirt has it (virsh net-dumpxml default). */
    static class Network {
        String name
        String bridge
        /** the network's address, 192.168.122.0 */
        String address
        int prefix
        /** the host's address on the bridge: the guests' gateway and DNS */
        String gateway
        String netmask
        String dhcpStart
        String dhcpEnd

        String getCidr() { "${address}/${prefix}" }

        String toString() { "${name}: ${bridge} ${cidr} gateway ${gateway} dhcp ${dhcpStart}-${dhcpEnd}" }
    }

    /**
     * virtlogd and libvirtd running (started when not; idempotent, also across JVMs), the default network defined,
     * active and autostarted. Fails, naming the packages, when libvirt is not installed.
     */
    static synchronized Network ensure() {
        Path libvirtd = tool("libvirtd")
        Path virtlogd = tool("virtlogd")
        if (libvirtd == null || virtlogd == null || tool("virsh") == null || tool("dnsmasq") == null) {
            throw new IllegalStateException("libvirt is not installed (libvirtd, virtlogd, virsh, dnsmasq): ${PACKAGES}")
        }
        Files.createDirectories(LOCK.parent)
        FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE).withCloseable { FileChannel ch ->
            ch.lock().withCloseable {
                startDaemons(libvirtd, virtlogd)
                ensureNetwork()
            }
        }
        return readNetwork()
    }

    private static void startDaemons(Path libvirtd, Path virtlogd) {
        if (answers()) {
            return
        }
        Files.createDirectories(Path.of("/run/libvirt"))
        // qemu's stdout/stderr go through virtlogd (libvirt's default): without it no domain starts
        if (!alive("/run/virtlogd.pid")) {
            daemon(virtlogd)
        }
        if (!alive("/run/libvirtd.pid")) {
            daemon(libvirtd)
        }
        // the first qemu:///system connection probes qemu's capabilities: several seconds under load
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120)
        while (!answers()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("libvirtd did not answer on ${SOCKET} within 120 s (started: ${libvirtd} -d);" +
                        " see /var/log/libvirt/libvirtd.log or run it in the foreground: ${libvirtd} -v")
            }
            Thread.sleep(500)
        }
    }

    /**
     * Starts a libvirt daemon with -d (it forks into the background and exits); what it says before that goes to
     * a file, not a pipe of this JVM, so nothing of the JVM stays attached to a daemon that outlives it.
     */
    private static void daemon(Path program) {
        Path out = Path.of("/var/log/libvirt/zstack-${program.fileName}.out")
        Files.createDirectories(out.parent)
        Process p = new ProcessBuilder(program.toString(), "-d").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start()
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            throw new IllegalStateException("${program} -d did not go into the background within 30 s; see ${out}")
        }
        // non-zero also when another JVM's daemon won the race for the pid file: the caller's wait sorts that out
        if (p.exitValue() != 0) {
            println "[Libvirtd] ${program} -d exited ${p.exitValue()}; see ${out}"
        }
    }

    /** the socket is there and libvirtd answers on it */
    private static boolean answers() {
        return Files.exists(SOCKET) && virshResult(["uri"], 60).exitCode == 0
    }

    /** a daemon's pid file naming a live process (a stale file after a reboot or kill names none) */
    private static boolean alive(String pidFile) {
        Path f = Path.of(pidFile)
        if (!Files.isRegularFile(f)) {
            return false
        }
        String pid = Files.readString(f).trim()
        return pid ==~ /\d+/ && Files.exists(Path.of("/proc", pid))
    }

    private static void ensureNetwork() {
        if (virshResult(["net-info", NETWORK], 30).exitCode != 0) {
            if (!Files.isRegularFile(DEFAULT_NETWORK_XML)) {
                throw new IllegalStateException("no libvirt network '${NETWORK}' and no ${DEFAULT_NETWORK_XML}: apt-get install libvirt-daemon-config-network")
            }
            virsh(["net-define", DEFAULT_NETWORK_XML.toString()])
        }
        Map<String, String> info = netInfo()
        if (info.Active != "yes") {
            // dnsmasq and the NAT rules start with it; a failure here names the cause (an address in use, no iptables)
            virsh(["net-start", NETWORK], 60)
        }
        if (info.Autostart != "yes") {
            virsh(["net-autostart", NETWORK])
        }
    }

    /** virsh net-info default as "Active" -> "yes", "Bridge" -> "virbr0", ... */
    static Map<String, String> netInfo() {
        Map<String, String> info = [:]
        virsh(["net-info", NETWORK]).readLines().each { line ->
            int colon = line.indexOf(':')
            if (colon > 0) {
                info[line.substring(0, colon).trim()] = line.substring(colon + 1).trim()
            }
        }
        return info
    }

    private static Network readNetwork() {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(virsh(["net-dumpxml", NETWORK]).getBytes(StandardCharsets.UTF_8)))
        def xpath = XPathFactory.newInstance().newXPath()
        Element ip = xpath.evaluate("/network/ip[not(@family) or @family='ipv4']", doc, XPathConstants.NODE) as Element
        if (ip == null) {
            throw new IllegalStateException("libvirt network '${NETWORK}' has no IPv4 address: ${virsh(['net-dumpxml', NETWORK])}")
        }
        String gateway = ip.getAttribute("address")
        int prefix = ip.getAttribute("prefix") ? ip.getAttribute("prefix") as int : prefixOf(ip.getAttribute("netmask"))
        return new Network(name: NETWORK,
                bridge: xpath.evaluate("/network/bridge/@name", doc),
                address: intToIp(ipToInt(gateway) & maskOf(prefix)),
                prefix: prefix,
                gateway: gateway,
                netmask: intToIp(maskOf(prefix)),
                dhcpStart: xpath.evaluate("dhcp/range/@start", ip) ?: null,
                dhcpEnd: xpath.evaluate("dhcp/range/@end", ip) ?: null)
    }

    private static int maskOf(int prefix) { prefix == 0 ? 0 : (int) (0xffffffffL << (32 - prefix)) }

    private static int prefixOf(String netmask) { Integer.bitCount(ipToInt(netmask)) }

    private static int ipToInt(String ip) {
        return ip.split(/\./).inject(0L) { long acc, String b -> (acc << 8) | (b as int) } as int
    }

    private static String intToIp(int v) { [24, 16, 8, 0].collect { (v >>> it) & 0xff }.join(".") }

    // ------------------------------------------------------------------------------------------- guests

    /** the IPv4 address the default network's DHCP gave the NIC with this MAC (the newest lease), or null */
    static String leaseOf(String mac) {
        String found = null
        virsh(["net-dhcp-leases", NETWORK, "--mac", mac.toLowerCase()]).readLines().each { line ->
            // " 2024-05-01 10:00:00   52:54:00:..   ipv4   192.168.122.57/24   host   client-id" (newest last)
            def m = line =~ /\s(\d+\.\d+\.\d+\.\d+)\/\d+\s/
            if (line.toLowerCase().contains(mac.toLowerCase()) && m.find()) {
                found = m.group(1)
            }
        }
        return found
    }

    /** {@link #leaseOf} once the guest asked for one (a TCG guest's DHCP comes some 30-60 s after it starts) */
    static String awaitLease(String mac, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
        while (true) {
            String ip = leaseOf(mac)
            if (ip != null) {
                return ip
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no DHCP lease for ${mac} on libvirt network '${NETWORK}' within ${timeoutSeconds} s;" +
                        " leases: ${virsh(['net-dhcp-leases', NETWORK])}")
            }
            Thread.sleep(2000)
        }
    }

    /** names of all domains, running or not */
    static List<String> domains() {
        return virsh(["list", "--all", "--name"]).readLines()*.trim().findAll { it }
    }

    /** Destroys and undefines the domains whose name starts with the prefix; returns their names. */
    static List<String> destroyDomains(String prefix) {
        return destroyDomains { String name -> name.startsWith(prefix) }
    }

    /**
     * Destroys (when running) and undefines every domain the predicate accepts, with its managed save, snapshot
     * metadata and NVRAM; its disks stay (they belong to whoever made them). Returns the names.
     */
    static List<String> destroyDomains(Closure<Boolean> predicate) {
        List<String> names = domains().findAll { predicate.call(it) }
        names.each { name ->
            virshResult(["destroy", name], 60)   // fails harmlessly when it is not running
            def r = virshResult(["undefine", name, "--managed-save", "--snapshots-metadata", "--nvram"], 60)
            if (r.exitCode != 0 && !r.output.contains("failed to get domain")) {
                throw new IllegalStateException("virsh undefine ${name}: ${r.output}")
            }
        }
        return names
    }

    /**
     * Where the domain's serial console output goes: a {@code <log file=.../>} of its serial or console device, or
     * the path of a {@code type='file'} serial; null when it has neither (a bare pty: nothing on disk to read).
     */
    static Path serialLogPath(String domain) {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(virsh(["dumpxml", domain]).getBytes(StandardCharsets.UTF_8)))
        def xpath = XPathFactory.newInstance().newXPath()
        String path = xpath.evaluate("(/domain/devices/serial/log/@file | /domain/devices/console/log/@file" +
                " | /domain/devices/serial[@type='file']/source/@path)[1]", doc)
        return path ? Path.of(path) : null
    }

    /** the serial console's output so far ("" before the guest printed anything) */
    static String serialLog(String domain) {
        Path p = serialLogPath(domain)
        if (p == null) {
            throw new IllegalStateException("domain ${domain} logs its serial console nowhere: give its <serial type='pty'> a <log file='...'/>")
        }
        return Files.exists(p) ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1) : ""
    }

    /** waits for the pattern in the serial log (a login prompt, say); fails with the log's end */
    static String awaitSerial(String domain, Pattern pattern, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
        while (true) {
            String log = serialLog(domain)
            if (pattern.matcher(log).find()) {
                return log
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("domain ${domain} did not show ${pattern} on its serial console within ${timeoutSeconds} s;" +
                        " ${serialLogPath(domain)}, its end:\n" + log.substring(Math.max(0, log.length() - 3000)))
            }
            Thread.sleep(1000)
        }
    }

    /** qemu's own log of the domain (its command line, its errors): the first thing to read when it did not start */
    static Path qemuLog(String domain) { Path.of("/var/log/libvirt/qemu/${domain}.log") }

    // ------------------------------------------------------------------------------------------- virsh

    static class Result {
        int exitCode
        String output
    }

    /** virsh -c qemu:///system with these arguments; its stdout, or an exception with its output */
    static String virsh(List<String> args, long timeoutSeconds = 60) {
        Result r = virshResult(args, timeoutSeconds)
        if (r.exitCode != 0) {
            throw new IllegalStateException("virsh ${args.join(' ')} failed (exit ${r.exitCode}): ${r.output}")
        }
        return r.output
    }

    static Result virshResult(List<String> args, long timeoutSeconds) {
        return run(["virsh", "-c", URI] + args, timeoutSeconds)
    }

    /** a command's exit code and output (stdout and stderr); never throws for a non-zero exit */
    static Result run(List<String> cmd, long timeoutSeconds) {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start()
        StringBuilder out = new StringBuilder()
        Thread reader = Thread.start { out.append(p.inputStream.getText(StandardCharsets.UTF_8.name())) }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            p.waitFor(10, TimeUnit.SECONDS)
            reader.join(5000)
            return new Result(exitCode: -1, output: "${cmd.join(' ')}: no result within ${timeoutSeconds} s: ${out}")
        }
        reader.join()
        return new Result(exitCode: p.exitValue(), output: out.toString())
    }

    /** a program on the PATH or in the sbin directories a non-login PATH lacks; null when missing */
    private static Path tool(String name) {
        List<String> dirs = (System.getenv("PATH") ?: "").split(File.pathSeparator).toList() + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        return dirs.findAll { it }.collect { Path.of(it, name) }.find { Files.isRegularFile(it) && Files.isExecutable(it) }
    }
}
