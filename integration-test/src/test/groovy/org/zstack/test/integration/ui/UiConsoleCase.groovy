package org.zstack.test.integration.ui

import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.sdk.QueryV2VConversionHostAction
import org.zstack.sdk.QueryVCenterAction
import org.zstack.test.integration.v2v.MigrationEnv
import org.zstack.testlib.kvm.KvmGuestFixture
import org.zstack.testlib.kvm.KvmSourceDomain
import org.zstack.testlib.kvm.SshSourceHost

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import java.util.zip.GZIPInputStream

import static org.zstack.testlib.ApiCalls.ok

/**
 * The web console in a real browser (Debian's headless Chromium, driven by playwright-core from ui/e2e/console.mjs)
 * against a real management node, vSphere simulator and agents (MigrationEnv): the node serves the console at "/";
 * the script logs in, replaces the conversion host and the vCenter through the console, syncs, runs the wizard for
 * two VMs (one whose disk holds no OS fails its conversion with its message; the other, slowed by the conversion
 * host's download bandwidth set in the console, is canceled from the task list) and switches the language.
 * The KVM path, without migrating: a KVM conversion host added through the console lists the domains of a KVM
 * "source host" (an sshd of the test's own on 127.0.0.4:2224 in front of this machine's libvirtd, one shut-off
 * domain with a data disk), a key the host does not accept gives a readable error, and the wizard's first step
 * picks that domain. Screenshots: ui/e2e/artifacts.
 */
class UiConsoleCase {
    static MigrationEnv env
    static SshSourceHost kvmHost
    static KvmGuestFixture kvmFixture
    static KvmSourceDomain kvmVm
    static Path wrongKey
    static final Path UI = locateUi()

    static Path locateUi() {
        Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath()
        while (p != null && !Files.isRegularFile(p.resolve("ui/e2e/console.mjs"))) {
            p = p.parent
        }
        assert p != null: "ui/e2e/console.mjs not found above ${System.getProperty('user.dir')}"
        return p.resolve("ui")
    }

    @BeforeAll
    static void setUp() {
        assert Files.isDirectory(UI.resolve("node_modules/playwright-core")): "ui/node_modules is missing: build the ui module first (mvn install)"
        assert Files.isExecutable(Path.of("/usr/bin/chromium")): "Debian's chromium is missing (bin/run-tests installs it)"
        env = new MigrationEnv(vms: ["slow-1"], vmOptions: [dataDisks: false],
                extraVms: [[name: "blank-1", opts: [dataDisks: false, mac: "00:50:56:3f:5b:01", disks: [[capacityMB: 64, thin: true]]]]])
        // a KVM source host of this case's own (its own port: never shared with the Kvm* cases) and a shut-off domain
        kvmHost = SshSourceHost.start("127.0.0.4", 2224)
        kvmFixture = new KvmGuestFixture(env.work.resolve("kvm-source"), env.image)
        kvmVm = kvmFixture.define(name: "v2v-src-ui-" + Long.toString(System.nanoTime() & 0xffffff, 36), dataDisks: 1)
        // a key that host does not accept
        wrongKey = env.work.resolve("wrong-key")
        Process gen = ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wrong", "-f", wrongKey.toString()].execute()
        assert gen.waitFor() == 0: "ssh-keygen failed: ${gen.errorStream.text}"
    }

    @AfterAll
    static void tearDown() {
        try {
            kvmFixture?.cleanup()
        } finally {
            try {
                kvmHost?.stop()
            } finally {
                env?.stop()
            }
        }
    }

    private static HttpResponse<String> get(String path) {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:${env.node.port}${path}")).build(),
                HttpResponse.BodyHandlers.ofString())
    }

    private static HttpResponse<byte[]> getEncoded(String path, String acceptEncoding) {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:${env.node.port}${path}"))
                .header("Accept-Encoding", acceptEncoding).build(), HttpResponse.BodyHandlers.ofByteArray())
    }

    @Test
    void theNodeServesTheConsoleCompressedAndSplitByPage() {
        def index = get("/")
        List<String> scripts = (index.body() =~ /\/assets\/[^"]+\.js/).collect { it as String }
        assert scripts.size() >= 2: "the entry and its shared chunks are preloaded"
        String asset = scripts[0]
        byte[] plain = getEncoded(asset, "identity").body()
        def gz = getEncoded(asset, "gzip, deflate")
        assert gz.headers().firstValue("Content-Encoding").orElse(null) == "gzip"
        assert gz.headers().firstValue("Vary").orElse(null) == "Accept-Encoding"
        assert new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes() == plain
        assert gz.body().length < plain.length / 2
        def br = getEncoded(asset, "gzip, br")
        assert br.headers().firstValue("Content-Encoding").orElse(null) == "br"
        assert br.body().length < gz.body().length
        assert getEncoded(asset, "br;q=0").headers().firstValue("Content-Encoding").isEmpty()
        // each page is its own chunk, not in what the login loads
        String entry = new String(plain, "UTF-8")
        assert entry =~ /assets\/Wizard-[^"']+\.js/ && !index.body().contains("Wizard-")
        def icon = get("/favicon.svg")
        assert icon.statusCode() == 200 && icon.headers().firstValue("Content-Type").get() == "image/svg+xml"
        long loginBytes = scripts.sum { getEncoded(it, "gzip, br").body().length } as long
        println "[UiConsoleCase] the login page loads ${scripts.size()} scripts, ${loginBytes} bytes compressed (brotli)"
    }

    @Test
    void theNodeServesTheConsole() {
        def index = get("/")
        assert index.statusCode() == 200
        assert index.headers().firstValue("Content-Type").get().startsWith("text/html")
        assert index.headers().firstValue("Cache-Control").get() == "no-cache"
        String asset = (index.body() =~ /\/assets\/[^"]+\.js/)[0]
        def js = get(asset)
        assert js.statusCode() == 200
        assert js.headers().firstValue("Content-Type").get().startsWith("text/javascript")
        assert js.headers().firstValue("Cache-Control").get().contains("max-age=31536000")
        assert get("/tasks").body() == index.body(): "a page path is the console's index.html"
        assert get("/assets/none.js").statusCode() == 404
        assert get("/zstack/v1/zones").statusCode() == 400: "the API is still at /zstack (no session: 400)"
    }

    @Test
    void theWizardMigratesTwoVmsInTheBrowser() {
        String prefix = "UiConsoleCase"
        Path artifacts = Files.createDirectories(UI.resolve("e2e/artifacts"))
        ProcessBuilder pb = new ProcessBuilder("node", UI.resolve("e2e/console.mjs").toString())
                .directory(UI.toFile()).redirectErrorStream(true)
        pb.environment().putAll([
                BASE_URL     : "http://127.0.0.1:${env.node.port}".toString(),
                ZS_USER      : "admin",
                ZS_PASSWORD  : "password",
                CH_HOST_IP   : env.conversionHostHost.managementIp,
                CH_CACHE_PATH: env.conversionHost.storagePath,
                OLD_CH_NAME  : env.conversionHost.name,
                VC_HOST      : env.vc.host,
                VC_PORT      : String.valueOf(env.vc.port),
                VC_USER      : env.vc.username,
                VC_PASSWORD  : env.vc.password,
                OLD_VC_NAME  : env.vcenter.name,
                ZONE_NAME    : env.zone.name,
                CLUSTER_NAME : env.cluster.name,
                PS_NAME      : env.ps.name,
                L3_NAME      : env.l3.name,
                VM_FAIL      : "blank-1",
                VM_CANCEL    : "slow-1",
                ARTIFACTS    : artifacts.toString(),
                KVM_CH_CACHE_PATH: Files.createDirectories(env.work.resolve("cache-kvm")).toString(),
                KVM_URI      : kvmHost.libvirtUri,
                KVM_VM       : kvmVm.name,
                KVM_VM_UUID  : kvmVm.uuid,
                KVM_VM_MAC   : kvmVm.mac,
                // the keys' text, never printed (neither here nor by the script)
                KVM_KEY      : kvmHost.privateKey,
                KVM_WRONG_KEY: Files.readString(wrongKey),
        ] as Map<String, String>)
        long begin = System.nanoTime()
        Process p = pb.start()
        Thread reader = Thread.start { p.inputStream.eachLine { println "[${prefix}] ${it}" } }
        boolean done = p.waitFor(8, TimeUnit.MINUTES)
        if (!done) {
            p.destroyForcibly()
        }
        reader.join(5000)
        println "[${prefix}] browser test took ${String.format('%.1f', (System.nanoTime() - begin) / 1e9d)} s; screenshots in ${artifacts}"
        assert done: "the browser test did not finish in 8 minutes"
        assert p.exitValue() == 0: "the browser test failed; see its output above and ${artifacts}/failure.png"

        // the console changed the admin's password (and back), which ended every other session, this one's too
        env.login()
        // what the console showed is what the node holds
        def chs = ok(new QueryV2VConversionHostAction(sessionId: env.session)).inventories
        assert chs*.name.sort() == ["ch-kvm-ui", "ch-ui"]
        def kvmCh = chs.find { it.name == "ch-kvm-ui" }
        assert kvmCh.type == "KVM" && kvmCh.hostUuid == env.conversionHostHost.uuid
        chs = chs.findAll { it.name == "ch-ui" }
        assert chs[0].downloadBandwidth == 4_000_000L && chs[0].uploadBandwidth == 125_000_000L
        assert chs[0].conversionNetworkCidr == "127.0.0.0/8"
        assert ok(new QueryVCenterAction(sessionId: env.session)).inventories*.name == ["vc-ui"]
        def r = env.node.http("GET", "/v1/v2v-tasks", null, ["Authorization": "OAuth ${env.session}".toString()])
        List<Map> jobs = (r.json.inventories as List<Map>).collectMany { it.jobs as List<Map> }
        assert jobs.find { it.sourceVmName == "slow-1" }.state == "Canceled"
        assert jobs.find { it.sourceVmName == "blank-1" }.state in ["Failed", "Succeeded"]
    }
}
