package org.zstack.test.integration.host

import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.zstack.core.rest.AgentRequestSigner
import org.zstack.testlib.AgentProcess
import org.zstack.testlib.kvm.SshSourceHost
import org.zstack.v2v.agent.testsupport.RangeFileServer
import org.zstack.v2v.agent.testsupport.SelfSignedCert

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong

/**
 * A conversion host's agent killed with kill -9 in the middle of a transfer, started again and sent the same transfer,
 * goes on from its last checkpoint (a byte offset of the disk), not from the disk's start — over HTTPS (a VMware
 * datastore URL, served here by an HTTPS Range server that counts what it sent) and over SSH (a qcow2 on a KVM source
 * host: the tests' own sshd, qemu-nbd there). The disk is 1 GiB, every other 4 MiB random, the rest zero; the copy is
 * slowed by the job's download limit so the kill lands at half way. The output must equal the source byte for byte;
 * the case prints how many bytes the source sent twice.
 */
class AgentTransferResumeCase {
    static final long MiB = 1L << 20
    static final long GiB = 1L << 30
    static final long CHUNK = 4 * MiB
    /** a port of this case's own, so it never shares (or stops) the sshd of another case */
    static final int SSH_PORT = 2234

    static Path work
    static Path source
    static String storage
    static AgentProcess agent
    static String secret

    @BeforeAll
    static void setUp() {
        work = Files.createTempDirectory("agent-transfer-resume")
        source = work.resolve("source.raw")
        halfZero(source, GiB)
        storage = Files.createDirectories(work.resolve("storage")).toString()
        // no node here: the case plays its part and installs the host secret the agent obeys (0600, as the playbook does)
        secret = AgentRequestSigner.newSecret()
        Path secretFile = AgentProcess.secretFile("127.0.0.7")
        Files.deleteIfExists(secretFile)
        Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        Files.writeString(secretFile, secret)
        agent = new AgentProcess("127.0.0.7", AgentProcess.freePort()).start()
        // and registers the roots the agent may write in, as the node's connect does
        registerRoots()
    }

    static void registerRoots() {
        agentCall("/host/roots", [roots: [work.toRealPath().toString()]])
    }

    @AfterAll
    static void tearDown() {
        agent?.stop()
        work?.toFile()?.deleteDir()
    }

    /** every other CHUNK random, the others left as holes */
    static void halfZero(Path p, long size) {
        Random rnd = new Random(13)
        byte[] buf = new byte[(int) CHUNK]
        new RandomAccessFile(p.toFile(), "rw").withCloseable { f ->
            f.setLength(size)
            for (long off = 0; off < size; off += 2 * CHUNK) {
                rnd.nextBytes(buf)
                f.seek(off)
                f.write(buf)
            }
        }
    }

    /**
     * Every call of this case to the agent goes through here: a JSON POST, answered when the command ends; an agent
     * that dies meanwhile throws.
     */
    static Map agentCall(String path, Map body, int timeoutSeconds = 600) {
        HttpURLConnection c = (HttpURLConnection) new URL("http://${agent.ip}:${agent.port}${path}").openConnection()
        c.requestMethod = "POST"
        c.doOutput = true
        c.connectTimeout = 10_000
        c.readTimeout = timeoutSeconds * 1000
        c.setRequestProperty("Content-Type", "application/json")
        byte[] bytes = JsonOutput.toJson(body).getBytes("UTF-8")
        AgentRequestSigner.headers(secret, "POST", path, bytes).each { k, v -> c.setRequestProperty(k, v) }
        c.outputStream.withCloseable { it.write(bytes) }
        int status = c.responseCode
        String text = (status < 400 ? c.inputStream : c.errorStream)?.getText("UTF-8")
        assert status == 200: "${path}: HTTP ${status}: ${text}"
        return new JsonSlurper().parseText(text) as Map
    }

    /** Runs the transfer on another thread: it is the call the agent never answers, being killed. */
    static CompletableFuture<Map> transferInBackground(Map cmd) {
        return CompletableFuture.supplyAsync { agentCall("/v2v/job/transfer", cmd) }
    }

    /** Waits until {@code sent()} reaches {@code bytes}, then kills the agent as a crash would (SIGKILL). */
    static long killAgentWhen(Closure<Long> sent, long bytes, CompletableFuture<Map> run) {
        long deadline = System.currentTimeMillis() + 120_000
        while (sent() < bytes) {
            assert !run.done: "the transfer ended before the kill: ${run.getNow(null)}"
            assert System.currentTimeMillis() < deadline: "only ${sent()} of ${bytes} bytes sent in 120 s"
            Thread.sleep(20)
        }
        agent.kill()
        long atKill = sent()
        try {
            run.get(30, TimeUnit.SECONDS)
            assert false: "the killed agent answered"
        } catch (java.util.concurrent.ExecutionException ignored) {
            // the connection died with the agent
        }
        return atKill
    }

    static String secs(long begin) { String.format('%.1f', (System.nanoTime() - begin) / 1e9d) }

    @Test
    void anAgentKilledMidTransferOverHttpsResumesFromItsCheckpoint() {
        SelfSignedCert cert = SelfSignedCert.create(work)
        RangeFileServer server = new RangeFileServer(cert)
        String job = "resume-https-" + System.nanoTime()
        try {
            String url = server.serve("folder/vm/disk-flat.vmdk", source)
            Map cmd = [jobUuid: job, storagePath: storage, downloadBandwidth: 64 * MiB, parallelDisks: 1,
                       disks: [[index: 0, url: url, sslThumbprint: cert.thumbprint(), capacity: GiB]]]
            long begin = System.nanoTime()
            long sentBeforeKill = killAgentWhen({ server.bytesServed() }, GiB.intdiv(2), transferInBackground(cmd))
            Path checkpoint = Path.of(storage, job, "disk-0.checkpoint")
            assert Files.exists(checkpoint): "the killed run left no checkpoint"
            println "[AgentTransferResumeCase] HTTPS: agent killed after ${secs(begin)} s, ${sentBeforeKill} bytes sent;" +
                    " checkpoint: ${Files.readString(checkpoint).readLines().findAll { it.startsWith('offset') }}"

            agent.start()
            long before = server.bytesServed()
            Map rsp = agentCall("/v2v/job/transfer", cmd + [downloadBandwidth: null])
            long sentAfter = server.bytesServed() - before
            assert rsp.success: rsp
            Map d = (rsp.disks as List<Map>)[0]
            long twice = sentBeforeKill + sentAfter - GiB
            println "[AgentTransferResumeCase] HTTPS: resumed at byte ${d.resumedFromByte} of ${GiB}; the source sent" +
                    " ${sentBeforeKill} + ${sentAfter} bytes: bytes read twice ${twice} (${String.format('%.1f', twice / (double) MiB)} MiB)"
            assert (d.resumedFromByte as long) > 0 && (d.resumedFromByte as long) <= sentBeforeKill
            assert d.bytesFromCheckpoint == d.resumedFromByte: "the whole disk is read: every byte below was read once"
            assert (d.bytesRead as long) == GiB - (d.resumedFromByte as long)
            assert Files.mismatch(source, Path.of(d.path as String)) == -1L: "the output differs from the source"
            // a checkpoint every 64 MiB (or 5 s), plus what the socket buffers held when the agent died
            assert twice >= 0 && twice < 96 * MiB: "read twice: ${twice}"
            assert !Files.exists(checkpoint)
        } finally {
            server.close()
            agentCall("/v2v/job/cleanup", [jobUuid: job, storagePath: storage])
        }
    }

    /**
     * The same over a streamOptimized VMDK, as an ESXi export lease serves it (no Range): the resumed run reads the
     * stream again from its start and skips the grains below the checkpoint, and says how many bytes that took. A
     * smaller disk than the others (128 MiB, half data) keeps the case short: qemu-img deflates its data first.
     */
    @Test
    void anAgentKilledMidStreamOptimizedTransferResumesBySkippingTheGrainsItHas() {
        Path raw = work.resolve("stream-source.raw")
        long capacity = 128 * MiB
        halfZero(raw, capacity)
        Path vmdk = work.resolve("stream-source.vmdk")
        def conv = ["qemu-img", "convert", "-f", "raw", "-O", "vmdk", "-o", "subformat=streamOptimized", raw.toString(),
                    vmdk.toString()].execute()
        assert conv.waitFor() == 0: conv.errorStream.text
        SelfSignedCert cert = SelfSignedCert.create(work)
        RangeFileServer server = new RangeFileServer(cert).ignoreRange(true)
        String job = "resume-stream-" + System.nanoTime()
        try {
            String url = server.serve("nfc/lease/disk-0.vmdk", vmdk)
            Map cmd = [jobUuid: job, storagePath: storage, downloadBandwidth: 6 * MiB, parallelDisks: 1,
                       disks: [[index: 0, url: url, sslThumbprint: cert.thumbprint(), capacity: capacity]]]
            long begin = System.nanoTime()
            // past the first checkpoint (5 s at 6 MiB/s), before the end
            long sentBeforeKill = killAgentWhen({ server.bytesServed() }, 40 * MiB, transferInBackground(cmd))
            Path checkpoint = Path.of(storage, job, "disk-0.checkpoint")
            assert Files.exists(checkpoint): "the killed run left no checkpoint"
            assert Files.readString(checkpoint).contains("format=streamOptimized")
            println "[AgentTransferResumeCase] streamOptimized: agent killed after ${secs(begin)} s, ${sentBeforeKill} bytes" +
                    " sent; checkpoint: ${Files.readString(checkpoint).readLines().findAll { it.startsWith('offset') }}"

            agent.start()
            long before = server.bytesServed()
            Map rsp = agentCall("/v2v/job/transfer", cmd + [downloadBandwidth: null])
            long sentAfter = server.bytesServed() - before
            assert rsp.success: rsp
            Map d = (rsp.disks as List<Map>)[0]
            long again = d.bytesReadAgain as long
            println "[AgentTransferResumeCase] streamOptimized: resumed at disk byte ${d.resumedFromByte} of ${capacity};" +
                    " the stream is ${Files.size(vmdk)} bytes, sent ${sentBeforeKill} + ${sentAfter}; the resumed run read" +
                    " ${d.bytesRead}, of them ${again} (${String.format('%.1f', again / (double) MiB)} MiB) again to skip" +
                    " the grains it had"
            assert (d.resumedFromByte as long) > 0
            assert again > 0 && again <= sentBeforeKill
            assert (d.bytesRead as long) >= again
            assert Files.mismatch(raw, Path.of(d.path as String)) == -1L: "the output differs from the source"
            assert !Files.exists(checkpoint)
        } finally {
            server.close()
            agentCall("/v2v/job/cleanup", [jobUuid: job, storagePath: storage])
        }
    }

    @Test
    void anAgentKilledMidTransferOverSshResumesFromItsCheckpoint() {
        SshSourceHost host = SshSourceHost.start("127.0.0.4", SSH_PORT)
        Path qcow2 = work.resolve("source.qcow2")
        def conv = ["qemu-img", "convert", "-f", "raw", "-O", "qcow2", source.toString(), qcow2.toString()].execute()
        assert conv.waitFor() == 0: conv.errorStream.text
        CountingProxy proxy = new CountingProxy("127.0.0.4", SSH_PORT)
        String job = "resume-ssh-" + System.nanoTime()
        try {
            String url = "ssh://root@127.0.0.1:${proxy.port}${qcow2.toUri().rawPath}?format=qcow2&forceShare=false"
            Map cmd = [jobUuid: job, storagePath: storage, downloadBandwidth: 32 * MiB, parallelDisks: 1,
                       sshPrivKey: host.privateKey, disks: [[index: 0, url: url, capacity: GiB]]]
            long begin = System.nanoTime()
            // half of the data: the zero half is never read over NBD
            long sentBeforeKill = killAgentWhen({ proxy.received.get() }, GiB.intdiv(4), transferInBackground(cmd))
            Path checkpoint = Path.of(storage, job, "disk-0.checkpoint")
            assert Files.exists(checkpoint): "the killed run left no checkpoint"
            println "[AgentTransferResumeCase] SSH: agent killed after ${secs(begin)} s, ${sentBeforeKill} bytes through ssh;" +
                    " checkpoint: ${Files.readString(checkpoint).readLines().findAll { it.startsWith('offset') }}"

            agent.start()
            long before = proxy.received.get()
            Map rsp = agentCall("/v2v/job/transfer", cmd + [downloadBandwidth: null])
            long sentAfter = proxy.received.get() - before
            assert rsp.success: rsp
            Map d = (rsp.disks as List<Map>)[0]
            long kept = d.bytesFromCheckpoint as long
            long read = d.bytesRead as long
            assert (d.resumedFromByte as long) > 0 && kept > 0
            assert kept + read == GiB.intdiv(2): "the data, each byte read once by one of the runs"
            assert Files.mismatch(source, Path.of(d.path as String)) == -1L: "the output differs from the source"
            // what went through ssh, less its framing: the resumed run tells the ratio of ssh bytes to data bytes
            double framing = sentAfter / (double) read
            long readBeforeKill = (long) (sentBeforeKill / framing)
            long twice = readBeforeKill - kept
            println "[AgentTransferResumeCase] SSH: resumed at byte ${d.resumedFromByte} (${kept} data bytes kept," +
                    " ${read} read again); ssh carried ${sentBeforeKill} + ${sentAfter} bytes (x${String.format('%.4f', framing)} of the data):" +
                    " bytes read twice ${twice} (${String.format('%.1f', twice / (double) MiB)} MiB)"
            // a window is 2 s of the copy (64 MiB at 32 MiB/s); the kill loses at most the one under way
            assert twice >= -MiB && twice < 80 * MiB: "read twice: ${twice}"
            assert !Files.exists(checkpoint)
            assert !Files.exists(Path.of(storage, job, "disk-0.nbd")): "the source's qemu-nbd is recorded as stopped"
            def (int rc, String left) = host.ssh("pgrep -a -f '[q]emu-nbd .*${qcow2}' || true")
            assert rc == 0 && left.trim().isEmpty(): "qemu-nbd still runs on the source: ${left}"
            assert ["pgrep", "-f", "qemu-img convert.*${job}"].execute().waitFor() != 0: "a qemu-img of the job still runs"
        } finally {
            proxy.close()
            agentCall("/v2v/job/cleanup", [jobUuid: job, storagePath: storage])
            host.stop()
        }
    }

    /**
     * A TCP proxy on 127.0.0.1 in front of the source host's sshd that counts the bytes the source sent: the SSH
     * path's equivalent of the HTTPS server's count, framing and encryption included.
     */
    static class CountingProxy implements Closeable {
        final ServerSocket listener = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"))
        final AtomicLong received = new AtomicLong()
        final List<Socket> sockets = Collections.synchronizedList([])

        CountingProxy(String host, int port) {
            Thread.startDaemon("counting-proxy") {
                while (!listener.closed) {
                    Socket client
                    try {
                        client = listener.accept()
                    } catch (IOException ignored) {
                        return
                    }
                    Socket upstream = new Socket(host, port)
                    sockets << client << upstream
                    pump(client.inputStream, upstream, null)
                    pump(upstream.inputStream, client, received)
                }
            }
        }

        int getPort() { listener.localPort }

        private static void pump(InputStream from, Socket to, AtomicLong counter) {
            Thread.startDaemon("counting-proxy-pump") {
                byte[] buf = new byte[64 << 10]
                try {
                    for (int n; (n = from.read(buf)) > 0;) {
                        to.outputStream.write(buf, 0, n)
                        counter?.addAndGet(n)
                    }
                } catch (IOException ignored) {
                    // one side closed
                } finally {
                    try {
                        to.shutdownOutput()
                    } catch (IOException ignored) {
                        to.close()
                    }
                }
            }
        }

        void close() {
            listener.close()
            sockets.each { it.close() }
        }
    }
}
