package org.zstack.testlib.vsphere

import groovy.json.JsonOutput
import groovy.json.JsonSlurper

import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManager
import javax.net.ssl.X509TrustManager
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.channels.FileChannel
import java.nio.channels.FileLock
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import java.security.MessageDigest
import java.security.cert.CertificateException
import java.security.cert.X509Certificate
import java.time.Duration
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import java.util.jar.JarFile

/**
 * A vCenter for the tests: zstack-vcsim (our Go main around govmomi's vSphere simulator, sources in
 * testlib/src/main/go) running as its own process on a random loopback port, with the inventory of a fixture.
 *
 * <pre>
 * def vc = VCenterSimulator.start([datacenters: 2, vmsPerDatacenter: 20, vmDefaults: [disks: 3]])
 * vc.url          // https://127.0.0.1:PORT/sdk  (username/password/thumbprint for the client)
 * vc.inventory()  // what the simulator holds, as maps and lists (GET /zstack-sim/inventory)
 * vc.powerOff("DC0_VM1"); vc.destroy("DC0_VM2"); vc.pause(); vc.resume()
 * vc.readdHost("DC0_C0_H0"); vc.shiftMorefs(["HostSystem", "VirtualMachine"])
 * vc.stop()
 * </pre>
 *
 * The binary is built once per machine with Debian's Go and govmomi (GOPATH mode, nothing downloaded) into
 * ~/.cache/zstack-v2v/vcsim-&lt;sha256 of the sources, the Go version and govmomi&gt;/vcsim, under a file lock, so
 * parallel JVMs build it once; changed sources get a new directory. A missing Go or govmomi fails the test
 * with the apt-get line that installs them.
 *
 * System properties: zstack.vcsim.cache (the cache root), zstack.vcsim.go (the go command),
 * zstack.vcsim.gocode (Debian's GOPATH with govmomi, /usr/share/gocode).
 */
class VCenterSimulator implements AutoCloseable {
    static final String SOURCES = "vcsim-go/zstack-vcsim/"
    static final String PACKAGES = "apt-get install golang-go golang-github-vmware-govmomi-dev"

    /** The result of {@link #binary}: where the binary is, and whether this call had to build it. */
    static class Build {
        Path path
        String hash
        boolean built
        long millis

        String toString() { "${path} (${built ? "built in ${millis} ms" : "cached"})" }
    }

    /** The last {@link #binary} of this JVM: tests read it to see whether a start rebuilt. */
    static volatile Build lastBuild

    final String url
    final String host
    final int port
    final String username
    final String password
    final String thumbprint
    final long pid
    final Path runDir
    final Path workDir
    /** milliseconds from starting the process to its ready line (as this JVM measured) */
    final long startMillis
    /** milliseconds the simulator itself took from main() to ready */
    final long readyMillis
    final Build build
    private final Process process
    private final HttpClient http
    private final SSLContext ssl

    private VCenterSimulator(Process process, Map ready, Path runDir, long startMillis, Build build) {
        this.process = process
        this.url = ready.url
        this.host = ready.host
        this.port = ready.port as int
        this.username = ready.username
        this.password = ready.password
        this.thumbprint = ready.thumbprint
        this.pid = ready.pid as long
        this.workDir = Path.of(ready.dir as String)
        this.readyMillis = ready.startMillis as long
        this.runDir = runDir
        this.startMillis = startMillis
        this.build = build
        this.ssl = trusting(thumbprint)
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(10)).build()
    }

    /**
     * Starts a simulator with the fixture (testlib/src/main/go/README.md; every field in fixture.go; [:] gives a small
     * vCenter: one datacenter, a cluster of three hosts, one datastore, a distributed switch, two VMs).
     */
    static VCenterSimulator start(Map fixture = [:]) {
        Build build = binary()
        Path runDir = Files.createTempDirectory("zstack-vcsim-")
        Process p = null
        try {
            Path fixtureFile = runDir.resolve("fixture.json")
            Files.writeString(fixtureFile, JsonOutput.prettyPrint(JsonOutput.toJson(fixture)))
            Path log = runDir.resolve("vcsim.log")
            long t0 = System.nanoTime()
            p = new ProcessBuilder(build.path.toString(), "-fixture", fixtureFile.toString(),
                    "-dir", runDir.resolve("work").toString(), "-listen", "127.0.0.1:0", "-exit-on-stdin-eof", "-remove-dir-at-exit")
                    .redirectError(log.toFile())
                    .start()
            // stdin stays open: the simulator exits when it closes, that is when this JVM dies, and removes its
            // datastores (copies of disk images) then
            def reader = new BufferedReader(new InputStreamReader(p.inputStream, StandardCharsets.UTF_8))
            def line = CompletableFuture.supplyAsync { reader.readLine() }
            String ready
            try {
                ready = line.get(60, TimeUnit.SECONDS)
            } catch (TimeoutException ignored) {
                throw new IllegalStateException("the vCenter simulator was not ready within 60 s: " + Files.readString(log))
            }
            if (ready == null) {
                p.waitFor(5, TimeUnit.SECONDS)
                throw new IllegalStateException("the vCenter simulator exited (${p.alive ? "?" : p.exitValue()}): " +
                        Files.readString(log).trim())
            }
            long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)
            Map info = new JsonSlurper().parseText(ready) as Map
            return new VCenterSimulator(p, info, runDir, startMillis, build)
        } catch (Throwable t) {
            p?.destroyForcibly()
            p?.waitFor(10, TimeUnit.SECONDS)
            runDir.toFile().deleteDir()
            throw t
        }
    }

    // ---- the binary ----

    /** The simulator's binary, built if the cache has none for the current sources. */
    static synchronized Build binary() {
        Path root = Path.of(System.getProperty("zstack.vcsim.cache",
                System.getProperty("user.home") + "/.cache/zstack-v2v"))
        lastBuild = binary(root)
        return lastBuild
    }

    /** The binary in the given cache root (tests use their own root to see a build happen). */
    static synchronized Build binary(Path cacheRoot) {
        String go = goCommand()
        Path gocode = Path.of(System.getProperty("zstack.vcsim.gocode", "/usr/share/gocode"))
        Path govmomi = gocode.resolve("src/github.com/vmware/govmomi/simulator/simulator.go")
        if (!Files.isRegularFile(govmomi)) {
            throw new IllegalStateException("govmomi's simulator package is missing (no ${govmomi}): " +
                    "the vCenter simulator is built from Debian's packages: ${PACKAGES}")
        }
        Map<String, byte[]> sources = sources()
        String goVersion = run([go, "version"], null, [:], 60).trim()
        String hash = hash(sources, goVersion + "\n" + Files.getLastModifiedTime(govmomi) + "\n" + Files.size(govmomi))
        Path dir = cacheRoot.resolve("vcsim-" + hash)
        Path bin = dir.resolve("vcsim")
        if (Files.isExecutable(bin)) {
            touch(dir)
            return new Build(path: bin, hash: hash, built: false, millis: 0)
        }
        Files.createDirectories(cacheRoot)
        FileChannel channel = FileChannel.open(cacheRoot.resolve("vcsim.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)
        FileLock lock = channel.lock() // another JVM building waits here
        try {
            if (Files.isExecutable(bin)) {
                return new Build(path: bin, hash: hash, built: false, millis: 0)
            }
            long t0 = System.currentTimeMillis()
            Path tmp = Files.createTempDirectory(cacheRoot, "build-")
            try {
                Path pkg = tmp.resolve("gopath/src/zstack-vcsim")
                Files.createDirectories(pkg)
                sources.each { name, bytes -> Files.write(pkg.resolve(name), bytes) }
                Path out = tmp.resolve("vcsim")
                Map<String, String> env = [
                        GOPATH     : "${tmp.resolve("gopath")}:${gocode}".toString(),
                        GO111MODULE: "off",
                        GOFLAGS    : "",
                        GOPROXY    : "off",
                        CGO_ENABLED: "0",
                ]
                if (!System.getenv("GOCACHE") && !Files.isWritable(Path.of(System.getProperty("user.home")))) {
                    env.GOCACHE = tmp.resolve("gocache").toString()
                }
                run([go, "build", "-o", out.toString(), "zstack-vcsim"], tmp.toFile(), env, 600)
                Files.createDirectories(dir)
                sources.each { name, bytes -> Files.write(dir.resolve(name + ".txt"), bytes) } // what was built, for a reader
                Path staged = dir.resolve("vcsim.tmp")
                Files.move(out, staged, StandardCopyOption.REPLACE_EXISTING)
                Files.move(staged, bin, StandardCopyOption.ATOMIC_MOVE)
            } finally {
                tmp.toFile().deleteDir()
            }
            prune(cacheRoot, dir)
            return new Build(path: bin, hash: hash, built: true, millis: System.currentTimeMillis() - t0)
        } finally {
            lock.release()
            channel.close()
        }
    }

    private static void touch(Path dir) {
        try {
            Files.setLastModifiedTime(dir, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()))
        } catch (IOException ignored) {
        }
    }

    /** Removes the builds of other sources that no start used for 14 days. */
    private static void prune(Path cacheRoot, Path keep) {
        long limit = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(14)
        Files.list(cacheRoot).withCloseable { dirs ->
            dirs.filter { it != keep && it.fileName.toString().startsWith("vcsim-") && Files.isDirectory(it) }
                    .filter { Files.getLastModifiedTime(it).toMillis() < limit }
                    .each { it.toFile().deleteDir() }
        }
    }

    /** The Go sources, as the testlib jar (or its classes directory) holds them: file name to content. */
    static Map<String, byte[]> sources() {
        URL main = VCenterSimulator.classLoader.getResource(SOURCES + "main.go")
        if (main == null) {
            throw new IllegalStateException("the simulator's Go sources (${SOURCES}) are not on the class path: build testlib")
        }
        Map<String, byte[]> out = new TreeMap<>()
        if (main.protocol == "jar") {
            String jarPath = URLDecoder.decode(main.path.substring("file:".length(), main.path.indexOf("!")), "UTF-8")
            new JarFile(jarPath).withCloseable { jar ->
                jar.entries().each { e ->
                    if (e.name.startsWith(SOURCES) && e.name.endsWith(".go") && !e.directory) {
                        out[e.name.substring(SOURCES.length())] = jar.getInputStream(e).bytes
                    }
                }
            }
        } else {
            Path dir = Path.of(main.toURI()).parent
            Files.list(dir).withCloseable { files ->
                files.filter { it.fileName.toString().endsWith(".go") }.each { out[it.fileName.toString()] = Files.readAllBytes(it) }
            }
        }
        return out
    }

    /** sha256 over the sources (by name) and whatever else decides the binary (the Go version, govmomi). */
    static String hash(Map<String, byte[]> sources, String toolchain) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256")
        new TreeMap<String, byte[]>(sources).each { name, bytes ->
            sha.update(name.getBytes(StandardCharsets.UTF_8))
            sha.update((byte) 0)
            sha.update(String.valueOf(bytes.length).getBytes(StandardCharsets.UTF_8))
            sha.update((byte) 0)
            sha.update(bytes)
        }
        sha.update(toolchain.getBytes(StandardCharsets.UTF_8))
        return sha.digest().encodeHex().toString()
    }

    private static String goCommand() {
        String configured = System.getProperty("zstack.vcsim.go")
        List<String> candidates = configured ? [configured] :
                (System.getenv("PATH") ?: "").split(":").collect { it + "/go" } + ["/usr/lib/go/bin/go", "/usr/lib/go-1.19/bin/go"]
        String found = candidates.find { Files.isExecutable(Path.of(it)) }
        if (found == null) {
            throw new IllegalStateException("Go is missing (no go on the PATH): " +
                    "the vCenter simulator is built from Debian's packages: ${PACKAGES}")
        }
        return found
    }

    private static String run(List<String> cmd, File dir, Map<String, String> env, int timeoutSeconds) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        if (dir != null) {
            pb.directory(dir)
        }
        pb.environment().putAll(env)
        Process p = pb.start()
        def output = CompletableFuture.supplyAsync { p.inputStream.text }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            throw new IllegalStateException("${cmd.join(" ")} did not finish within ${timeoutSeconds} s")
        }
        String text = output.get(10, TimeUnit.SECONDS)
        if (p.exitValue() != 0) {
            throw new IllegalStateException("${cmd.join(" ")} failed (${p.exitValue()}):\n${text}")
        }
        return text
    }

    // ---- talking to it ----

    /** An SSL context that trusts exactly this simulator's certificate (by its SHA-1 thumbprint). */
    SSLContext getSslContext() { ssl }

    HttpClient getHttpClient() { http }

    private static SSLContext trusting(String thumbprint) {
        TrustManager tm = new X509TrustManager() {
            void checkClientTrusted(X509Certificate[] chain, String authType) {}

            void checkServerTrusted(X509Certificate[] chain, String authType) {
                String seen = MessageDigest.getInstance("SHA-1").digest(chain[0].encoded)
                        .collect { String.format("%02X", it & 0xff) }.join(":")
                if (seen != thumbprint) {
                    throw new CertificateException("thumbprint ${seen} is not the simulator's ${thumbprint}")
                }
            }

            X509Certificate[] getAcceptedIssuers() { new X509Certificate[0] }
        }
        SSLContext ctx = SSLContext.getInstance("TLS")
        ctx.init(null, [tm] as TrustManager[], null)
        return ctx
    }

    /** https://127.0.0.1:PORT (no path) */
    String getBaseUrl() { "https://${host}:${port}" }

    /** The datastore download URL of a file, as vCenter serves it: /folder/path?dcPath=dc&dsName=ds */
    String datastoreUrl(String datacenter, String datastore, String path) {
        "${baseUrl}/folder/${path.split("/").collect { enc(it).replace("+", "%20") }.join("/")}?dcPath=${enc(datacenter)}&dsName=${enc(datastore)}"
    }

    private static String enc(String s) { URLEncoder.encode(s, StandardCharsets.UTF_8) }

    private Object control(String method, String path, byte[] body = null) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("${baseUrl}/zstack-sim/${path}")).timeout(Duration.ofSeconds(60))
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString())
        if (res.statusCode() != 200) {
            throw new IllegalStateException("${method} /zstack-sim/${path}: HTTP ${res.statusCode()} ${res.body()}")
        }
        return new JsonSlurper().parseText(res.body())
    }

    /** Everything the simulator holds now (see inventory.go): counts, datacenters, vms with hardware. */
    Map inventory() { control("GET", "inventory") as Map }

    /** One VM as in the inventory. */
    Map vm(String name) { control("GET", "vm/${enc(name)}") as Map }

    Map powerOff(String vm) { control("POST", "vm/${enc(vm)}/power-off") as Map }

    Map powerOn(String vm) { control("POST", "vm/${enc(vm)}/power-on") as Map }

    Map suspend(String vm) { control("POST", "vm/${enc(vm)}/suspend") as Map }

    /** Renames the VM (vSphere's Rename_Task); answers the VM as in the inventory. */
    Map rename(String vm, String to) { control("POST", "vm/${enc(vm)}/rename?to=${enc(to)}") as Map }

    /** Powers the VM off if needed, then destroys it with its files. */
    Map destroy(String vm) { control("POST", "vm/${enc(vm)}/destroy") as Map }

    /** A snapshot ([snapshot: moid, name: ..., changeIds: [deviceKey: changeId]] when CBT is on). */
    Map snapshot(String vm, String name = null) {
        control("POST", "vm/${enc(vm)}/snapshot" + (name ? "?name=${enc(name)}" : "")) as Map
    }

    /** Writes bytes into the VM's disk number {@code disk} (0-based, in device order) at offset. */
    Map writeDisk(String vm, int disk, long offset, byte[] data) {
        control("POST", "vm/${enc(vm)}/disk/${disk}/write?offset=${offset}", data) as Map
    }

    /**
     * The host is removed from vCenter and added back under the same name: a new moref, the same cluster,
     * datastores, networks and VMs. newVmMorefs: its VMs are re-registered with new morefs too (their instance
     * uuids stay), as vCenter does. Answers [host: name, oldMoid: ..., moid: ..., vms: [name: new moid]].
     */
    Map readdHost(String name, boolean newVmMorefs = false) {
        control("POST", "host/${enc(name)}/readd" + (newVmMorefs ? "?vms=new" : "")) as Map
    }

    /**
     * The morefs of each kind (HostSystem, ClusterComputeResource, Datastore, Network, DistributedVirtualPortgroup,
     * VirtualMachine...) rotate among its objects, so old morefs name other objects now. Answers
     * [kind: [name: "old -> new"]].
     */
    Map shiftMorefs(List<String> kinds) { control("POST", "shift-morefs?kind=${enc(kinds.join(","))}") as Map }

    /**
     * Stop answering (everything but the control endpoint): mode "hang" keeps requests waiting until resume()
     * (or until the client gives up), "error" answers HTTP 503, "close" drops the connection. after: the number
     * of requests still answered first, to stop in the middle of a sync.
     */
    void pause(String mode = "hang", int after = 0) { control("POST", "pause?mode=${mode}&after=${after}") }

    void resume() { control("POST", "resume") }

    /** Delays every request (control ones excepted) by ms milliseconds; 0 ends it. */
    void delay(int ms) { control("POST", "delay?ms=${ms}") }

    /** SOAP calls by method, datastore requests, NFC bytes, leases. */
    Map stats() { control("GET", "stats") as Map }

    void resetStats() { control("POST", "stats/reset") }

    /** Freezes the whole process (SIGSTOP): connections are accepted by the kernel and never answered. */
    void freeze() { signal("STOP") }

    /** Undoes freeze() (SIGCONT). */
    void thaw() { signal("CONT") }

    private void signal(String sig) {
        Process k = new ProcessBuilder("kill", "-" + sig, String.valueOf(pid)).redirectErrorStream(true).start()
        assert k.waitFor() == 0: "kill -${sig} ${pid}: ${k.inputStream.text}"
    }

    boolean isAlive() { process.alive }

    /** The simulator's log (its stderr). */
    String getLog() { Files.readString(runDir.resolve("vcsim.log")) }

    /** Stops the simulator by its PID (SIGTERM, then SIGKILL after 10 s), and removes its directories. */
    void stop() {
        ProcessHandle.of(pid).ifPresent { ProcessHandle h ->
            if (h.alive) {
                thawQuietly()
                h.destroy()
                try {
                    h.onExit().get(10, TimeUnit.SECONDS)
                } catch (TimeoutException ignored) {
                    h.destroyForcibly()
                    h.onExit().get(10, TimeUnit.SECONDS)
                }
            }
        }
        process.waitFor(10, TimeUnit.SECONDS)
        runDir.toFile().deleteDir()
    }

    private void thawQuietly() {
        try {
            new ProcessBuilder("kill", "-CONT", String.valueOf(pid)).start().waitFor()
        } catch (IOException ignored) {
        }
    }

    @Override
    void close() { stop() }

    String toString() { "vCenter simulator ${url} (pid ${pid})" }
}
