package org.zstack.testlib.guest

import groovy.json.JsonSlurper

import java.nio.channels.FileChannel
import java.nio.channels.FileLock
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import java.nio.file.attribute.PosixFilePermissions
import java.security.MessageDigest
import java.util.concurrent.TimeUnit
import java.util.regex.Matcher
import java.util.regex.Pattern

/**
 * The small, real Debian guest that the migration tests move: bookworm made to look like a Debian VM on VMware
 * (open-vm-tools, ifupdown on ens192, fstab on /dev/sda1, BIOS grub on an MBR disk), with two data disks
 * ({@link #getDataDisks()}: /dev/sdb on /data, /dev/sdc on /data2). sshd lets root in with {@link #getPrivateKey()}.
 * testlib/src/main/guest/build-guest-image.sh builds it with debootstrap (as root; about 2 minutes); this class
 * keeps one build per machine and per version of that builder:
 *
 * <pre>
 *   ~/.cache/zstack-v2v/                  (or -Dzstack.guest.cache.dir, $ZSTACK_V2V_CACHE, $XDG_CACHE_HOME/zstack-v2v)
 *     guest-&lt;sha256 of the builder's files, 16 hex&gt;/   the images, keys, token, build.log, .complete
 *     guest-&lt;hash&gt;.lock                    held while one JVM builds; others wait for it
 *     guest-&lt;hash&gt;.tmp-&lt;n&gt;/              a build under way (renamed into place when it succeeded)
 * </pre>
 *
 * Missing tools or no root make {@link #get()} fail with a message naming the packages: tests that need the guest
 * must not silently skip. Treat the files as read-only: boot and convert copy-on-write overlays or copies of them.
 */
class GuestImage {
    static final String BUILDER_SCRIPT = "build-guest-image.sh"
    /** the guest's host name, and its serial console's login prompt "zstack-test-guest login:" */
    static final String HOSTNAME = "zstack-test-guest"
    /** the NIC name the guest's ifupdown config uses (VMware's first vmxnet3 NIC) */
    static final String NIC_NAME = "ens192"
    /** a file in the guest's root file system that holds {@link #getToken()} */
    static final String ROOT_MARKER = "/etc/zstack-test-guest"
    /** a file at the root of the data disk's file system (the guest mounts it at /data) holding the token */
    static final String DATA_MARKER = "/zstack-test-data"
    static final String DATA_MOUNT_POINT = "/data"
    /** the same on the second data disk (mounted at /data2) */
    static final String DATA2_MARKER = "/zstack-test-data2"
    static final String DATA2_MOUNT_POINT = "/data2"
    static final long BUILD_TIMEOUT_SECONDS = 1800

    /** the builder's outputs; all must exist in a complete cache entry */
    static final List<String> FILES = ["guest-root.raw", "guest-root.vmdk", "guest-root-flat.vmdk", "guest-root.qcow2",
                                       "guest-data.raw", "guest-data.vmdk", "guest-data-flat.vmdk", "guest-data.qcow2",
                                       "guest-data2.raw", "guest-data2.vmdk", "guest-data2-flat.vmdk", "guest-data2.qcow2",
                                       "id_ed25519", "id_ed25519.pub", "ssh_host_ed25519_key.pub", "token",
                                       "root-password", "data.sha256", "data2.sha256", "build-info"].asImmutable()

    /** tools the builder runs, with the Debian package that has each */
    static final Map<String, String> BUILD_TOOLS = [debootstrap: "debootstrap", sfdisk: "fdisk", partx: "util-linux",
                                                    losetup: "mount", mount: "mount", chroot: "coreutils",
                                                    "mkfs.ext4": "e2fsprogs", debugfs: "e2fsprogs", fstrim: "util-linux",
                                                    "qemu-img": "qemu-utils", "ssh-keygen": "openssh-client"].asImmutable()

    private static GuestImage cached

    /** the cache entry holding this image set */
    final Path dir
    /** seconds this JVM spent building it; 0 when it came from the cache */
    final double buildSeconds

    private GuestImage(Path dir, double buildSeconds) {
        this.dir = dir
        this.buildSeconds = buildSeconds
    }

    /** The image set of this machine: from the cache, or built now (once; other JVMs wait on a lock file). */
    static synchronized GuestImage get() {
        if (cached == null) {
            cached = obtain()
        }
        return cached
    }

    Path getRootRaw() { dir.resolve("guest-root.raw") }
    /** the monolithicFlat descriptor; its extent is {@link #getRootFlatVmdk()} */
    Path getRootVmdk() { dir.resolve("guest-root.vmdk") }
    /** the flat extent, a raw copy of the disk: what a VMware datastore (and the vSphere simulator) serves */
    Path getRootFlatVmdk() { dir.resolve("guest-root-flat.vmdk") }
    Path getRootQcow2() { dir.resolve("guest-root.qcow2") }

    /** the data disks in the guest's disk order (its second and third disk): {@link #getData()}, {@link #getData2()} */
    List<GuestDataDisk> getDataDisks() { [data, data2] }
    /** the first data disk: 256 MiB, /dev/sdb on /data, files/random.bin (8 MiB) and files/README */
    GuestDataDisk getData() { new GuestDataDisk(dir, "data", 1, DATA_MOUNT_POINT, "/dev/sdb", DATA_MARKER) }
    /** the second data disk: 128 MiB, /dev/sdc on /data2, files/random-a.bin (4 MiB), random-b.bin (3 MiB), README */
    GuestDataDisk getData2() { new GuestDataDisk(dir, "data2", 2, DATA2_MOUNT_POINT, "/dev/sdc", DATA2_MARKER) }

    // the first data disk's files, as before there were two
    Path getDataRaw() { data.raw }
    Path getDataVmdk() { data.vmdk }
    Path getDataFlatVmdk() { data.flatVmdk }
    Path getDataQcow2() { data.qcow2 }
    Path getData2Raw() { data2.raw }
    Path getData2Vmdk() { data2.vmdk }
    Path getData2FlatVmdk() { data2.flatVmdk }
    Path getData2Qcow2() { data2.qcow2 }
    /** the test's own SSH private key (ed25519, no passphrase); root of the guest accepts it */
    Path getPrivateKey() { dir.resolve("id_ed25519") }
    Path getPublicKey() { dir.resolve("id_ed25519.pub") }
    String getPrivateKeyText() { Files.readString(privateKey) }
    String getPublicKeyText() { Files.readString(publicKey).trim() }
    /** the guest's sshd host key ("ssh-ed25519 AAAA... root@..."), the same in every copy: for a known_hosts line */
    String getHostKeyText() { Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).trim() }
    /** commands as root over ssh in a running copy of the guest at host:port; see {@link GuestSsh} */
    GuestSsh ssh(String host, int port = 22) { new GuestSsh(this, host, port) }
    /** random per build; in {@link #ROOT_MARKER} of the guest and in the marker of each data disk */
    String getToken() { Files.readString(dir.resolve("token")).trim() }
    /** root's password in the guest (serial console; sshd takes only the key) */
    String getRootPassword() { Files.readString(dir.resolve("root-password")).trim() }
    long getRootVirtualSize() { Files.size(rootRaw) }
    long getDataVirtualSize() { data.virtualSize }
    long getData2VirtualSize() { data2.virtualSize }

    /** sha256 of each file on the first data disk, by its path relative to the disk's root file system ("files/random.bin") */
    Map<String, String> getDataChecksums() { data.checksums }
    /** the same for the second data disk ("files/random-a.bin", ...) */
    Map<String, String> getData2Checksums() { data2.checksums }

    /** suite, mirror, kernel, root_uuid, grub, built */
    Map<String, String> getBuildInfo() {
        Map<String, String> info = [:]
        Files.readAllLines(dir.resolve("build-info")).each { line ->
            int eq = line.indexOf('=')
            if (eq > 0) {
                info[line.substring(0, eq)] = line.substring(eq + 1)
            }
        }
        return info
    }

    // ---------------------------------------------------------------------------------------------- the cache

    /** testlib/src/main/guest of this checkout (-Dzstack.guest.builder.dir, or found upwards from the working dir) */
    static Path builderDir() {
        String configured = System.getProperty("zstack.guest.builder.dir") ?: System.getenv("ZSTACK_GUEST_BUILDER_DIR")
        if (configured) {
            Path p = Path.of(configured).toAbsolutePath().normalize()
            if (!Files.isRegularFile(p.resolve(BUILDER_SCRIPT))) {
                throw new IllegalStateException("no ${BUILDER_SCRIPT} in ${p} (zstack.guest.builder.dir)")
            }
            return p
        }
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.parent) {
            Path candidate = d.resolve("testlib/src/main/guest")
            if (Files.isRegularFile(candidate.resolve(BUILDER_SCRIPT))) {
                return candidate.normalize()
            }
        }
        throw new IllegalStateException("cannot find testlib/src/main/guest/${BUILDER_SCRIPT} above ${System.getProperty('user.dir')};" +
                " set -Dzstack.guest.builder.dir")
    }

    /** sha256 over the builder's files (names and contents), the first 16 hex digits: the cache key */
    static String builderHash(Path builder = builderDir()) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256")
        List<Path> files = Files.list(builder).withCloseable { s -> s.filter { Files.isRegularFile(it) }.toList() }
        files.sort(false) { it.fileName.toString() }.each { f ->
            sha.update(f.fileName.toString().getBytes(StandardCharsets.UTF_8))
            sha.update((byte) 0)
            sha.update(Files.readAllBytes(f))
            sha.update((byte) 0)
        }
        return sha.digest().encodeHex().toString().substring(0, 16)
    }

    static Path cacheRoot() {
        String configured = System.getProperty("zstack.guest.cache.dir") ?: System.getenv("ZSTACK_V2V_CACHE")
        if (configured) {
            return Path.of(configured).toAbsolutePath()
        }
        String xdg = System.getenv("XDG_CACHE_HOME")
        Path base = xdg ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")
        return base.resolve("zstack-v2v").toAbsolutePath()
    }

    private static boolean complete(Path d) {
        return Files.isRegularFile(d.resolve(".complete")) && FILES.every { Files.isRegularFile(d.resolve(it)) }
    }

    private static GuestImage obtain() {
        Path builder = builderDir()
        String hash = builderHash(builder)
        Path root = cacheRoot()
        Path target = root.resolve("guest-" + hash)
        if (complete(target)) {
            return new GuestImage(target, 0)
        }
        Files.createDirectories(root)
        Path lockFile = root.resolve("guest-${hash}.lock")
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE).withCloseable { FileChannel ch ->
            FileLock lock = ch.tryLock()
            if (lock == null) {
                println "[GuestImage] another process builds the guest image ${target}; waiting for it"
                lock = ch.lock()
            }
            try {
                if (complete(target)) {
                    return new GuestImage(target, 0)
                }
                return build(builder, root, target, hash)
            } finally {
                lock.release()
            }
        }
    }

    private static GuestImage build(Path builder, Path root, Path target, String hash) {
        checkCanBuild()
        // leftovers of an interrupted build of this version (we hold the lock: nobody else works on them)
        Files.list(root).withCloseable { s -> s.filter { it.fileName.toString().startsWith("guest-${hash}.tmp-") }.toList() }
                .each { it.toFile().deleteDir() }
        if (Files.exists(target)) {
            target.toFile().deleteDir()
        }
        Path tmp = Files.createTempDirectory(root, "guest-${hash}.tmp-")
        Path log = root.resolve("guest-${hash}.build.log")
        println "[GuestImage] building the test guest image with ${builder.resolve(BUILDER_SCRIPT)} into ${target} " +
                "(a few minutes, once per machine; log: ${log})"
        long begin = System.nanoTime()
        ProcessBuilder pb = new ProcessBuilder("bash", builder.resolve(BUILDER_SCRIPT).toString(), tmp.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin:" + (System.getenv("PATH") ?: ""))
        Process p = pb.start()
        boolean finished = p.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        if (!finished) {
            // TERM lets the script's trap unmount and detach its loop devices
            p.destroy()
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.descendants().forEach { it.destroyForcibly() }
                p.destroyForcibly()
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9d
        if (!finished || p.exitValue() != 0) {
            tmp.toFile().deleteDir()
            String why = finished ? "exit ${p.exitValue()}" : "no result within ${BUILD_TIMEOUT_SECONDS} s"
            throw new IllegalStateException("building the test guest image failed (${why}) after ${String.format('%.0f', seconds)} s;" +
                    " log ${log}, its end:\n" + tail(log, 40))
        }
        List<String> missing = FILES.findAll { !Files.isRegularFile(tmp.resolve(it)) }
        if (missing) {
            tmp.toFile().deleteDir()
            throw new IllegalStateException("the guest image builder did not write ${missing}; log ${log}")
        }
        Files.copy(log, tmp.resolve("build.log"), StandardCopyOption.REPLACE_EXISTING)
        // readable like the images in it (createTempDirectory made it owner-only)
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"))
        Files.writeString(tmp.resolve(".complete"), "built in ${String.format('%.1f', seconds)} s\n")
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE)
        println "[GuestImage] built ${target} in ${String.format('%.1f', seconds)} s"
        return new GuestImage(target, seconds)
    }

    /** Root and the builder's tools; otherwise a message that says what to install. */
    static void checkCanBuild() {
        List<String> problems = []
        if (!isRoot()) {
            problems << "it must run as root (debootstrap, loop devices, mounts), this JVM runs as ${System.getProperty('user.name')}"
        }
        Map<String, String> missing = BUILD_TOOLS.findAll { tool, pkg -> findTool(tool) == null }
        if (missing) {
            problems << "missing tools ${missing.keySet().join(', ')}: apt-get install ${missing.values().toUnique().join(' ')}"
        }
        if (problems) {
            throw new IllegalStateException("cannot build the test guest image (${builderDir().resolve(BUILDER_SCRIPT)}): " +
                    problems.join("; "))
        }
    }

    static boolean isRoot() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0
        } catch (Exception ignored) {
            return System.getProperty("user.name") == "root"
        }
    }

    /** a program on the PATH, or in the sbin directories a non-login PATH lacks; null when missing */
    static Path findTool(String name) {
        List<String> dirs = (System.getenv("PATH") ?: "").split(File.pathSeparator).toList() + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        for (String d : dirs) {
            if (!d) {
                continue
            }
            Path p = Path.of(d, name)
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p
            }
        }
        return null
    }

    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no ${file})"
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1)
        return all.subList(Math.max(0, all.size() - lines), all.size()).join("\n")
    }

    // ------------------------------------------------------------------------------------------ booting it

    /** What a boot of a disk under TCG showed. */
    static class BootResult {
        /** seconds from starting qemu to the login prompt on the serial console */
        double secondsToLogin
        /** the serial console's output (also in {@link #consoleLog} until the JVM's temp dir is cleaned) */
        String console
        Path consoleLog
        List<CommandResult> commands = []

        /** the output of the command run as the n-th of the {@code commands} option */
        String output(int n) { commands[n].output }
    }

    static class CommandResult {
        String command
        int exitCode
        String output

        String toString() { "${command} -> ${exitCode}: ${output}" }
    }

    /** @see #bootCheck(Map, Path) */
    static BootResult bootCheck(Path disk) {
        return bootCheck([:], disk)
    }

    /**
     * Boots a copy-on-write overlay of {@code disk} (the disk itself is never written) in
     * {@code qemu-system-x86_64 -accel tcg} — no KVM — waits for the login prompt on the serial console, optionally
     * logs in as root and runs commands, and kills qemu. Fails (AssertionError, with the console's end) when the
     * prompt does not come within the timeout. Options:
     * <ul>
     *   <li>{@code format}: the disk's format (raw, qcow2, vmdk, ...); default: what {@code qemu-img info} says</li>
     *   <li>{@code bus}: ide (default; /dev/sda, as the VMware guest's fstab expects), sata, pvscsi (VMware's
     *       paravirtual SCSI) or virtio (a converted guest)</li>
     *   <li>{@code dataDisks}: more disks to attach behind it (List of Path; overlays too), same bus</li>
     *   <li>{@code timeoutSeconds}: for the login prompt, default 300</li>
     *   <li>{@code memoryMb}: default 512</li>
     *   <li>{@code commands}: shell commands (one line each) to type as root on the serial console after the
     *       prompt; their output (stdout and stderr, read back over a second serial port, ttyS1, so no console
     *       message mixes in) and exit code land in {@link BootResult#commands}. {@code password}: root's password, default
     *       {@link #getRootPassword()} of {@link #get()}; {@code commandTimeoutSeconds}: each, default 120</li>
     *   <li>{@code qemuArgs}: extra arguments for qemu (a NIC, say); by default the guest has no NIC</li>
     *   <li>{@code whileRunning}: a Closure called with the BootResult after the commands, before qemu is killed:
     *       to reach the guest from outside (ssh through a {@code hostfwd} of {@code qemuArgs}, say)</li>
     * </ul>
     */
    static BootResult bootCheck(Map opts, Path disk) {
        Path qemu = findTool("qemu-system-x86_64")
        Path qemuImg = findTool("qemu-img")
        if (qemu == null || qemuImg == null) {
            throw new IllegalStateException("bootCheck needs qemu-system-x86_64 and qemu-img: apt-get install qemu-system-x86 qemu-utils")
        }
        int timeout = (opts.timeoutSeconds ?: 300) as int
        String bus = (opts.bus ?: "ide") as String
        Path work = Files.createTempDirectory("guest-boot")
        Path consoleLog = work.resolve("console.log")
        Path commandOut = work.resolve("ttyS1.out")
        List<Path> disks = [disk] + ((opts.dataDisks ?: []) as List).collect { it as Path }
        List<String> cmd = [qemu.toString(), "-accel", "tcg", "-m", String.valueOf(opts.memoryMb ?: 512), "-smp", "1",
                            "-nodefaults", "-no-user-config", "-display", "none", "-vga", "none", "-monitor", "none",
                            "-serial", "stdio", "-serial", "file:${commandOut}".toString(), "-nic", "none"]
        if (bus == "pvscsi") {
            cmd += ["-device", "pvscsi,id=scsi0"]
        } else if (bus == "sata") {
            cmd += ["-device", "ahci,id=ahci0"]
        }
        disks.eachWithIndex { Path d, int i ->
            Path abs = d.toAbsolutePath()
            String fmt = (i == 0 && opts.format) ? opts.format as String : formatOf(qemuImg, abs)
            Path overlay = work.resolve("disk${i}.qcow2")
            run([qemuImg.toString(), "create", "-q", "-f", "qcow2", "-b", abs.toString(), "-F", fmt, overlay.toString()], 60)
            String drive = "file=${overlay},format=qcow2,cache=unsafe"
            switch (bus) {
                case "ide": cmd += ["-drive", "${drive},if=ide,index=${i}".toString()]; break
                case "virtio": cmd += ["-drive", "${drive},if=virtio".toString()]; break
                case "pvscsi": cmd += ["-drive", "${drive},if=none,id=d${i}".toString(),
                                       "-device", "scsi-hd,drive=d${i},bus=scsi0.0,scsi-id=${i}".toString()]; break
                case "sata": cmd += ["-drive", "${drive},if=none,id=d${i}".toString(),
                                     "-device", "ide-hd,drive=d${i},bus=ahci0.${i}".toString()]; break
                default: throw new IllegalArgumentException("unknown bus ${bus}: ide, sata, pvscsi or virtio")
            }
        }
        cmd += ((opts.qemuArgs ?: []) as List).collect { it.toString() }

        SerialConsole console = new SerialConsole(consoleLog, commandOut)
        long begin = System.nanoTime()
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start()
        console.attach(p)
        BootResult result = new BootResult(consoleLog: consoleLog)
        boolean ok = false
        try {
            long deadline = begin + timeout * 1_000_000_000L
            console.expect(~/(?m)^[\w.-]+ login: ?/, deadline, p, "a login prompt within ${timeout} s")
            result.secondsToLogin = (System.nanoTime() - begin) / 1e9d
            List<String> commands = ((opts.commands ?: []) as List).collect { it.toString() }
            if (commands) {
                String password = (opts.password ?: get().rootPassword) as String
                long each = ((opts.commandTimeoutSeconds ?: 120) as long) * 1_000_000_000L
                console.login(p, password, System.nanoTime() + each)
                commands.each { c -> result.commands << console.run(p, c, System.nanoTime() + each) }
            }
            if (opts.whileRunning) {
                (opts.whileRunning as Closure).call(result)
            }
            ok = true
        } finally {
            p.destroy()
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly()
                p.waitFor(10, TimeUnit.SECONDS)
            }
            console.close()
            result.console = console.text()
            // the overlays go, the console log stays for a failing test to point at
            Files.list(work).withCloseable { s -> s.filter { it != consoleLog }.toList() }.each { Files.deleteIfExists(it) }
            if (ok) {
                // deleteOnExit deletes in reverse order: the log, then its directory
                work.toFile().deleteOnExit()
                consoleLog.toFile().deleteOnExit()
            }
        }
        return result
    }

    static String formatOf(Path qemuImg, Path disk) {
        String json = run([qemuImg.toString(), "info", "--output=json", disk.toString()], 60)
        return (new JsonSlurper().parseText(json) as Map).format as String
    }

    /** runs a command, returns its stdout; fails with its output on a non-zero exit */
    static String run(List cmd, long timeoutSeconds, Map<String, String> env = [:]) {
        ProcessBuilder pb = new ProcessBuilder(cmd.collect { it.toString() }).redirectErrorStream(true)
        pb.environment().putAll(env)
        Process p = pb.start()
        StringBuilder out = new StringBuilder()
        Thread reader = Thread.start { out.append(p.inputStream.getText(StandardCharsets.UTF_8.name())) }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            throw new IllegalStateException("${cmd.join(' ')} did not finish within ${timeoutSeconds} s: ${out}")
        }
        reader.join()
        if (p.exitValue() != 0) {
            throw new IllegalStateException("${cmd.join(' ')} failed (exit ${p.exitValue()}): ${out}")
        }
        return out.toString()
    }

    /**
     * The guest's ttyS0 on qemu's stdin/stdout, everything it prints also in a file; commands type there, and their
     * output comes back over ttyS1 (a second file), where no kernel or service messages can mix into it.
     */
    private static class SerialConsole {
        private final Path logFile
        private final Path commandFile
        private final StringBuffer buffer = new StringBuffer()
        private OutputStream log
        private Thread reader
        private int mark = 0
        private int commandMark = 0

        SerialConsole(Path logFile, Path commandFile) {
            this.logFile = logFile
            this.commandFile = commandFile
        }

        void attach(Process p) {
            log = Files.newOutputStream(logFile)
            reader = Thread.start("guest-serial-console") {
                byte[] b = new byte[8192]
                InputStream in = p.inputStream
                int n
                try {
                    while ((n = in.read(b)) > 0) {
                        synchronized (this) {
                            log.write(b, 0, n)
                            log.flush()
                        }
                        buffer.append(new String(b, 0, n, StandardCharsets.ISO_8859_1))
                    }
                } catch (IOException ignored) {
                    // qemu is gone
                }
            }
        }

        String text() { buffer.toString() }

        private String commandText() {
            return Files.exists(commandFile) ? new String(Files.readAllBytes(commandFile), StandardCharsets.ISO_8859_1) : ""
        }

        /** waits for the pattern in what ttyS0 printed after the last match; returns the matcher */
        Matcher expect(Pattern pattern, long deadlineNanos, Process p, String what) {
            return await(pattern, deadlineNanos, p, what, false)
        }

        private Matcher await(Pattern pattern, long deadlineNanos, Process p, String what, boolean commandChannel) {
            while (true) {
                String text = commandChannel ? commandText() : buffer.toString()
                Matcher m = pattern.matcher(text.substring(commandChannel ? commandMark : mark))
                if (m.find()) {
                    if (commandChannel) {
                        commandMark += m.end()
                    } else {
                        mark += m.end()
                    }
                    return m
                }
                if (!p.alive) {
                    Thread.sleep(200)
                    throw new AssertionError("qemu exited (${p.exitValue()}) before ${what}; console ${logFile}, its end:\n" + end())
                }
                if (System.nanoTime() > deadlineNanos) {
                    String got = commandChannel ? "; ttyS1 got: " + commandText().substring(commandMark) : ""
                    throw new AssertionError("the guest did not show ${what}${got}; console ${logFile}, its end:\n" + end())
                }
                Thread.sleep(250)
            }
        }

        void send(Process p, String s) {
            p.outputStream.write(s.getBytes(StandardCharsets.UTF_8))
            p.outputStream.flush()
        }

        void login(Process p, String password, long deadline) {
            send(p, "root\n")
            expect(~/Password: ?/, deadline, p, "the password prompt")
            send(p, password + "\n")
            expect(~/(?m)root@[\w.-]+:\S*# $/, deadline, p, "a root shell prompt after logging in")
            // no line editing (its escape sequences), no echo; ttyS1 held open on fd 9, raw (no \r added)
            send(p, "set +o emacs +o vi; stty -echo; dmesg -n 1; exec 9<>/dev/ttyS1; stty -F /dev/ttyS1 raw -echo\n")
            expect(~/(?m)root@[\w.-]+:\S*# $/, deadline, p, "the shell prompt")
        }

        CommandResult run(Process p, String command, long deadline) {
            // one line, output and markers to ttyS1; the markers are split in the typed line so that no echo of
            // it can look like them
            String c = command.trim().replaceAll(/;+$/, "")
            send(p, "{ printf '%s\\n' '__ZS_''BEGIN__'; ${c}; printf '__ZS_END_%s__\\n' \$?; } >&9 2>&1\n")
            await(~/__ZS_BEGIN__\r?\n/, deadline, p, "the output of `${command}`", true)
            Matcher end = await(~/(?s)(.*?)\r?\n?__ZS_END_(\d+)__/, deadline, p, "the end of `${command}`", true)
            String output = end.group(1).replace("\r", "")
            return new CommandResult(command: command, exitCode: end.group(2) as int, output: output)
        }

        private String end() {
            String all = buffer.toString()
            return all.substring(Math.max(0, all.length() - 3000))
        }

        void close() {
            reader?.join(5000)
            synchronized (this) {
                log?.close()
            }
        }
    }
}
