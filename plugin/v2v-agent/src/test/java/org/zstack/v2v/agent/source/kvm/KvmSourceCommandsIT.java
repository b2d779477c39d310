package org.zstack.v2v.agent.source.kvm;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.zstack.agent.AgentException;
import org.zstack.agent.ProcessRunner;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The three KVM source commands against this machine's real libvirtd, reached the way a source host is: over
 * {@code qemu+ssh://} through an sshd of the test's own on 127.0.0.4 (testlib's source-sshd.sh), with its key. The
 * test defines one domain of its own, {@code v2v-kvm-it-<random>} (a qcow2 disk over a backing file, a volume of a dir
 * pool of its own, an empty cdrom, a NIC on "default") and removes it, the pool and the files afterwards; it never
 * touches other domains. Needs root, libvirtd (started when down), qemu-img and sshd. Run alone:
 * {@code mvn -o -pl plugin/v2v-agent test -Dtest=KvmSourceCommandsIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class KvmSourceCommandsIT {
    static final String LOCAL = "qemu:///system";
    static final String SSH_ADDRESS = "127.0.0.4";
    static final int SSH_PORT = Integer.getInteger("zstack.test.sourceSshPort", 2225);
    static final Path SSH_DIR = Path.of(System.getProperty("zstack.test.sourceSshDir", "/tmp/zstack-v2v-agent-it-ssh-2225"));
    static final String URI = "qemu+ssh://root@" + SSH_ADDRESS + ":" + SSH_PORT + "/system";

    static final String NAME = "v2v-kvm-it-" + UUID.randomUUID().toString().substring(0, 8);
    static final String DOMAIN_UUID = UUID.randomUUID().toString();
    static Path dir;
    static String key;
    static boolean poolDefined;

    @BeforeAll
    static void setUp() throws Exception {
        long t0 = System.nanoTime();
        ensureLibvirtd();
        ensureDefaultNetwork();
        ProcessRunner.Result sshd = run(Duration.ofSeconds(60), sourceSshdScript().toString(), SSH_DIR.toString(),
                SSH_ADDRESS, String.valueOf(SSH_PORT));
        assertTrue(sshd.ok(), "source-sshd.sh: " + sshd);
        key = Files.readString(Path.of(sshd.stdout().strip()));

        // qemu runs as libvirt-qemu: the directory must be reachable for it, unlike a 0700 @TempDir
        dir = Files.createDirectories(Path.of("/var/lib/libvirt/images", NAME));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        // the root disk's files are in the pool too: a shut-off domain's backing chain is known only through a pool
        Path poolDir = Files.createDirectories(dir.resolve("pool"));
        ok(run(Duration.ofSeconds(30), "qemu-img", "create", "-q", "-f", "qcow2",
                poolDir.resolve("base.qcow2").toString(), "64M"));
        ok(run(Duration.ofSeconds(30), "qemu-img", "create", "-q", "-f", "qcow2", "-b", "base.qcow2", "-F", "qcow2",
                poolDir.resolve("root.qcow2").toString()));
        ok(virsh("pool-define-as", NAME, "dir", "--target", poolDir.toString()));
        poolDefined = true;
        ok(virsh("pool-start", NAME));
        ok(virsh("vol-create-as", NAME, "data.qcow2", "32M", "--format", "qcow2"));

        Path xml = dir.resolve("domain.xml");
        Files.writeString(xml, """
                <domain type='qemu'>
                  <name>%s</name>
                  <uuid>%s</uuid>
                  <memory unit='MiB'>128</memory>
                  <vcpu>1</vcpu>
                  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
                  <devices>
                    <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>
                    <disk type='file' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source file='%s'/>
                      <target dev='vda' bus='virtio'/>
                    </disk>
                    <disk type='volume' device='disk'>
                      <driver name='qemu' type='qcow2'/>
                      <source pool='%s' volume='data.qcow2'/>
                      <target dev='vdb' bus='virtio'/>
                    </disk>
                    <interface type='network'>
                      <mac address='52:54:00:7e:11:01'/>
                      <source network='default'/>
                      <model type='virtio'/>
                    </interface>
                  </devices>
                </domain>
                """.formatted(NAME, DOMAIN_UUID, dir.resolve("pool/root.qcow2"), NAME));
        ok(virsh("define", xml.toString()));
        System.out.printf("[KvmSourceCommandsIT] %s defined, sshd ready in %d ms%n", NAME, millisSince(t0));
    }

    @AfterAll
    static void tearDown() throws Exception {
        // only what this test made, by its own names
        virsh("destroy", NAME);
        virsh("undefine", NAME);
        if (poolDefined) {
            virsh("pool-destroy", NAME);
            virsh("pool-undefine", NAME);
        }
        if (dir != null && Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    @Order(1)
    void listsTheShutOffDomainOverSsh() {
        long t0 = System.nanoTime();
        ListKvmVmsCommand.ListCmd cmd = new ListKvmVmsCommand.ListCmd();
        cmd.libvirtURI = URI;
        cmd.sshPrivKey = key;
        ListKvmVmsCommand.ListRsp rsp = (ListKvmVmsCommand.ListRsp) new ListKvmVmsCommand().handle(cmd, null);
        System.out.printf("[KvmSourceCommandsIT] listed %d domains in %d ms%n", rsp.vms.size(), millisSince(t0));

        assertTrue(rsp.libvirtVersion.matches("\\d+\\.\\d+\\.\\d+"), rsp.libvirtVersion);
        assertTrue(rsp.qemuVersion.matches("\\d+\\.\\d+\\.\\d+"), rsp.qemuVersion);
        assertNotNull(rsp.v2vCaps.qemuImg, "qemu-img is installed here");
        assertTrue(rsp.v2vCaps.sshTransfer);

        KvmDomain vm = rsp.vms.stream().filter(v -> NAME.equals(v.name)).findFirst().orElseThrow();
        assertEquals(DOMAIN_UUID, vm.uuid);
        assertEquals("shutoff", vm.state);
        assertEquals(1, vm.cpuNum);
        assertEquals(128L << 20, vm.memorySize);
        assertEquals("bios", vm.firmware);
        assertNotNull(vm.machine);
        assertTrue(vm.virtioReady);
        assertEquals(2, vm.disks.size(), "the cdrom is left out");

        KvmDisk root = vm.disks.get(0);
        assertEquals(0, root.index);
        assertEquals("vda", root.target);
        assertEquals("file", root.type);
        assertEquals(dir.resolve("pool/root.qcow2").toString(), root.path);
        assertEquals("qcow2", root.format);
        assertEquals(64L << 20, root.capacity);
        assertTrue(root.allocation > 0);
        assertTrue(root.backing, "root.qcow2 is over base.qcow2");
        assertTrue(root.supported, root.unsupportedReason);

        KvmDisk data = vm.disks.get(1);
        assertEquals("vdb", data.target);
        assertEquals("volume", data.type);
        assertEquals(NAME, data.pool);
        assertEquals("data.qcow2", data.volume);
        assertEquals(dir.resolve("pool/data.qcow2").toString(), data.path);
        assertEquals(32L << 20, data.capacity);
        assertTrue(data.supported, data.unsupportedReason);

        assertEquals(1, vm.nics.size());
        KvmNic nic = vm.nics.get(0);
        assertEquals("52:54:00:7e:11:01", nic.mac);
        assertEquals("network", nic.type);
        assertEquals("default", nic.networkName);
        assertEquals("virtio", nic.model);
    }

    @Test
    @Order(2)
    void preparesAShutOffDomainWithoutTouchingIt() {
        PrepareKvmVmCommand.PrepareRsp rsp = prepare(false);
        assertEquals("shutoff", rsp.initialState);
        assertFalse(rsp.pausedByUs);
        assertEquals(NAME, rsp.vm.name);
        assertEquals("shutoff", localState());
    }

    @Test
    @Order(3)
    void aDomainPausedBySomeoneElseStaysPausedAndIsNotOurs() throws Exception {
        ok(virsh("start", "--paused", NAME));
        PrepareKvmVmCommand.PrepareRsp rsp = prepare(false);
        assertEquals("paused", rsp.initialState);
        assertFalse(rsp.pausedByUs);
        assertTrue(rsp.vm.disks.get(0).backing, "a running domain's XML has the chain");

        assertEquals("paused", release(false, false).state);
        assertEquals("paused", release(false, false).state, "release is idempotent");
        assertEquals("paused", localState());
    }

    @Test
    @Order(4)
    void aRunningDomainIsRefusedWithoutPauseAndPausedWithIt() throws Exception {
        ok(virsh("resume", NAME));
        AgentException refused = assertThrows(AgentException.class, () -> prepare(false));
        assertEquals("domain " + NAME + " is running: a cold migration needs it shut off, or pauseVm to pause it"
                + " during the copy", refused.getMessage());
        assertEquals("running", localState());

        PrepareKvmVmCommand.PrepareRsp rsp = prepare(true);
        assertEquals("running", rsp.initialState);
        assertTrue(rsp.pausedByUs);
        assertEquals("paused", localState());

        assertEquals("running", release(true, false).state);
        assertEquals("running", release(true, false).state, "release is idempotent");
        assertEquals("running", localState());
        ok(virsh("destroy", NAME));
    }

    @Test
    @Order(5)
    void aDomainThatIsGone() {
        ReleaseKvmVmCommand.ReleaseCmd release = new ReleaseKvmVmCommand.ReleaseCmd();
        release.libvirtURI = URI;
        release.sshPrivKey = key;
        release.domainUuid = UUID.randomUUID().toString();
        release.resume = true;
        assertEquals("missing", ((ReleaseKvmVmCommand.ReleaseRsp) new ReleaseKvmVmCommand().handle(release, null))
                .state);

        PrepareKvmVmCommand.PrepareCmd prepare = new PrepareKvmVmCommand.PrepareCmd();
        prepare.libvirtURI = URI;
        prepare.sshPrivKey = key;
        prepare.domainUuid = release.domainUuid;
        AgentException e = assertThrows(AgentException.class, () -> new PrepareKvmVmCommand().handle(prepare, null));
        assertEquals("domain " + prepare.domainUuid + " is no longer on " + URI + ": it was removed or renamed since"
                + " it was listed", e.getMessage());
    }

    @Test
    @Order(6)
    void aWrongKeyIsAnAuthenticationFailure() throws Exception {
        Path wrong = Files.createTempDirectory("v2v-kvm-it-key").resolve("id");
        ok(run(Duration.ofSeconds(20), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrong.toString()));
        String wrongKey = Files.readString(wrong);
        Files.delete(wrong);
        Files.delete(Path.of(wrong + ".pub"));
        Files.delete(wrong.getParent());

        String m = listError(URI, wrongKey);
        assertTrue(m.startsWith("cannot connect to " + URI + ": authentication failed"), m);
        assertTrue(m.contains("Permission denied (publickey)"), m);
        assertNoKeyIn(m);
    }

    @Test
    @Order(7)
    void anUnreachableHost() {
        String uri = "qemu+ssh://root@127.0.0.5:1/system";
        String m = listError(uri, key);
        assertTrue(m.startsWith("cannot connect to " + uri + ": the host 127.0.0.5 is unreachable"), m);
        assertTrue(m.contains("Connection refused"), m);
        assertNoKeyIn(m);
    }

    @Test
    @Order(8)
    void aMalformedUriNeverConnects() {
        String m = listError("qemu+ssh://root@" + SSH_ADDRESS + "/system?command=/bin/sh", key);
        assertEquals("libvirtURI qemu+ssh://root@127.0.0.4/system?command=/bin/sh is not valid: query parameters"
                + " are not accepted", m);
        assertTrue(listError("qemu+ssh://root@127.0.0.4/system", null).contains("sshPrivKey is required"));
    }

    @Test
    @Order(9)
    void aHostThatNeverAnswersTimesOutAndItsSshIsEnded() throws Exception {
        // accepts TCP and never sends an SSH banner: ssh (and with it libvirt's connect) would wait for ever
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName(SSH_ADDRESS))) {
            String uri = "qemu+ssh://root@" + SSH_ADDRESS + ":" + silent.getLocalPort() + "/system";
            long t0 = System.nanoTime();
            AgentException e = assertThrows(AgentException.class,
                    () -> SourceLibvirt.open(LibvirtUri.parse(uri), key, Duration.ofSeconds(3)));
            long ms = millisSince(t0);
            System.out.printf("[KvmSourceCommandsIT] silent host failed in %d ms: %s%n", ms, e.getMessage());
            assertEquals("cannot connect to " + uri + ": no answer within 3 s (the host or its SSH or libvirtd does"
                    + " not respond)", e.getMessage());
            assertTrue(ms < 8000, ms + " ms");
            Thread.sleep(500);
            assertEquals(List.of(), libvirtSshProcesses(silent.getLocalPort()),
                    "the abandoned connect's ssh is ended");
        }
    }

    @Test
    @Order(10)
    void noCommandLeavesItsSshBehind() throws Exception {
        // every command of this test has returned: their connections, and the ssh under each, must be gone
        Thread.sleep(500);
        assertEquals(List.of(), libvirtSshProcesses(SSH_PORT));
    }

    /** the ssh processes libvirt spawned from this JVM for a port: their command runs virt-ssh-helper */
    private static List<String> libvirtSshProcesses(int port) {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains("virt-ssh-helper") && c.contains("-p " + port + " "))
                .toList();
    }

    private static String listError(String uri, String sshKey) {
        ListKvmVmsCommand.ListCmd cmd = new ListKvmVmsCommand.ListCmd();
        cmd.libvirtURI = uri;
        cmd.sshPrivKey = sshKey;
        long t0 = System.nanoTime();
        AgentException e = assertThrows(AgentException.class, () -> new ListKvmVmsCommand().handle(cmd, null));
        System.out.printf("[KvmSourceCommandsIT] failed in %d ms: %s%n", millisSince(t0), e.getMessage());
        return e.getMessage();
    }

    private static void assertNoKeyIn(String message) {
        assertFalse(message.contains("keyfile"), message);
        assertFalse(message.contains("v2v-ssh-"), message);
        assertFalse(message.contains("PRIVATE KEY"), message);
    }

    private static PrepareKvmVmCommand.PrepareRsp prepare(boolean pause) {
        PrepareKvmVmCommand.PrepareCmd cmd = new PrepareKvmVmCommand.PrepareCmd();
        cmd.jobUuid = "job-" + NAME;
        cmd.libvirtURI = URI;
        cmd.sshPrivKey = key;
        cmd.domainUuid = DOMAIN_UUID;
        cmd.pause = pause;
        return (PrepareKvmVmCommand.PrepareRsp) new PrepareKvmVmCommand().handle(cmd, null);
    }

    private static ReleaseKvmVmCommand.ReleaseRsp release(boolean resume, boolean shutdown) {
        ReleaseKvmVmCommand.ReleaseCmd cmd = new ReleaseKvmVmCommand.ReleaseCmd();
        cmd.jobUuid = "job-" + NAME;
        cmd.libvirtURI = URI;
        cmd.sshPrivKey = key;
        cmd.domainUuid = DOMAIN_UUID;
        cmd.resume = resume;
        cmd.shutdown = shutdown;
        return (ReleaseKvmVmCommand.ReleaseRsp) new ReleaseKvmVmCommand().handle(cmd, null);
    }

    /** virsh's own word: "running", "paused", "shut off" → "shutoff" */
    private static String localState() {
        try {
            return virsh("domstate", NAME).stdout().strip().replace("shut off", "shutoff");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureLibvirtd() throws Exception {
        if (virsh("version").ok()) {
            return;
        }
        // no systemd here; another test JVM may be starting them too, which the retry below tolerates
        run(Duration.ofSeconds(10), "virtlogd", "-d");
        run(Duration.ofSeconds(30), "libvirtd", "-d");
        for (int i = 0; i < 60 && !virsh("version").ok(); i++) {
            Thread.sleep(500);
            ProcessHandle.current().descendants().forEach(p -> System.out.println("[DEBUG] " + p.pid() + " parent="
                    + p.parent().map(ProcessHandle::pid).orElse(-1L) + " " + p.info().commandLine().orElse("?")));
        }
        ok(virsh("version"));
    }

    private static void ensureDefaultNetwork() throws Exception {
        ProcessRunner.Result info = virsh("net-info", "default");
        if (!info.ok()) {
            virsh("net-define", "/usr/share/libvirt/networks/default.xml");
        }
        if (!virsh("net-info", "default").stdout().matches("(?s).*Active:\\s+yes.*")) {
            virsh("net-start", "default");
        }
    }

    /** testlib's script, found from this module's directory (surefire runs in it) or the repository's root */
    private static Path sourceSshdScript() {
        for (String p : List.of("../../testlib/src/main/ssh/source-sshd.sh", "testlib/src/main/ssh/source-sshd.sh")) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p).toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("testlib/src/main/ssh/source-sshd.sh not found from " + Path.of("").toAbsolutePath());
    }

    private static ProcessRunner.Result virsh(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-c", LOCAL));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(cmd, Duration.ofSeconds(60));
    }

    private static ProcessRunner.Result run(Duration timeout, String... cmd) throws Exception {
        return ProcessRunner.run(List.of(cmd), timeout);
    }

    private static void ok(ProcessRunner.Result r) {
        assertTrue(r.ok(), r.toString());
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
