package org.zstack.test.integration.vmware

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import groovy.transform.CompileStatic
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.MethodOrderer
import org.junit.jupiter.api.Order
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestMethodOrder
import org.slf4j.LoggerFactory
import org.zstack.header.core.Completion
import org.zstack.header.core.ReturnValueCompletion
import org.zstack.header.errorcode.ErrorCode
import org.zstack.header.errorcode.OperationFailureException
import org.zstack.sdk.QueryVmInstanceAction
import org.zstack.sdk.VCenterInventory
import org.zstack.sdk.VmInstanceInventory
import org.zstack.testlib.vsphere.VCenterSimulator
import org.zstack.v2v.source.MigrationSource
import org.zstack.v2v.source.PrepareSpec
import org.zstack.v2v.source.PreparedSource
import org.zstack.v2v.source.SourceAccess
import org.zstack.v2v.source.SourceVm
import org.zstack.vmware.VCenterNetworkVO
import org.zstack.vmware.source.VmwareMigrationSource

import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.security.MessageDigest
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit

/**
 * The VMware source of a migration against a real node and the vSphere simulator, VMs with disks that are real files:
 * find by the node's uuid and by the VMware instance uuid; an offline read through an NFC export lease (the URLs
 * serve the flat files byte for byte, the lease outlives its timeout through the keep-alive, release completes it);
 * a powered-on VM shut down for an offline read and powered on again when the migration fails; an online read of a
 * running VM through a snapshot and the datastore's HTTPS with a session cookie and CBT extents; and clear errors.
 * No secret (password, session cookie) in any log line, with every logger at its finest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation)
class VmwareMigrationSourceCase {
    static final long MiB = 1024L * 1024
    static final long KiB = 1024L
    static final String OFF_INSTANCE_UUID = "50aa0000-1111-2222-3333-444455556666"

    static VCenterEnv env
    static VCenterSimulator vc
    static VCenterInventory vcenter
    static MigrationSource source
    static HttpClient http
    static Path work
    static Level rootLevel
    static Level vmwareLevel

    /** A sparse raw image: random data at the given [offset, length] pieces, holes elsewhere. */
    static Path rawImage(String name, long size, List<long[]> pieces, long seed) {
        Path p = work.resolve(name)
        Random r = new Random(seed)
        new RandomAccessFile(p.toFile(), "rw").withCloseable { f ->
            f.setLength(size)
            for (long[] piece : pieces) {
                byte[] b = new byte[(int) piece[1]]
                r.nextBytes(b)
                f.seek(piece[0])
                f.write(b)
            }
        }
        return p
    }

    @BeforeAll
    static void boot() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        Logger vmware = (Logger) LoggerFactory.getLogger("com.vmware")
        rootLevel = root.level
        vmwareLevel = vmware.level
        root.level = Level.DEBUG
        vmware.level = Level.TRACE

        work = Files.createTempDirectory("vmware-source-case")
        Path offRoot = rawImage("off-root.raw", 3 * MiB, [[0L, 512 * KiB] as long[], [2 * MiB, 64 * KiB] as long[]], 1)
        Path cbtRoot = rawImage("cbt-root.raw", 4 * MiB, [[0L, 64 * KiB] as long[], [3 * MiB / 2 + 7, 100 * KiB] as long[]], 2)
        env = new VCenterEnv()
        vc = VCenterSimulator.start([
                password           : VCenterEnv.PASSWORD,
                datacenters        : [[name      : "DC0", clusters: [[name: "DC0_C0", hosts: 1]], datastores: ["DC0_DS0"],
                                       portgroups: ["VM Network"], vms: 0]],
                // like an ESXi host behind a vCenter: the client puts the host it reached in place of *
                nfcHost            : "*",
                // a short lease timeout, so the case sees the keep-alive at work within seconds
                leaseTimeoutSeconds: 3,
                leaseInitMillis    : 300,
                vms                : [
                        [name : "off-01", datacenter: "DC0", cluster: "DC0_C0", instanceUuid: OFF_INSTANCE_UUID,
                         guestId: "debian10_64Guest", firmware: "efi", cpu: 2, memoryMB: 1024, powerState: "poweredOff",
                         nics : [[mac: "00:50:56:3f:10:01", network: "VM Network"], [mac: "00:50:56:3f:10:02", network: "VM Network"]],
                         disks: [[source: offRoot.toString()], [capacityMB: 2, name: "off-01-data"]]],
                        [name : "on-01", datacenter: "DC0", cluster: "DC0_C0", guestId: "windows9Server64Guest", firmware: "bios",
                         cpu  : 1, memoryMB: 512, powerState: "poweredOn",
                         nics : [[network: "VM Network"]], disks: [[capacityMB: 2]]],
                        [name : "cbt-01", datacenter: "DC0", cluster: "DC0_C0", guestId: "otherGuest64", cpu: 1, memoryMB: 512,
                         powerState: "poweredOn", cbt: true,
                         nics : [[network: "VM Network"]], disks: [[source: cbtRoot.toString(), thin: true], [capacityMB: 1, thin: true]]],
                ],
        ])
        vcenter = env.addVCenter(vc)
        source = env.node.node.context.getBeansOfType(MigrationSource).values().find { it.scheme == "vmware" }
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(vc.sslContext).build()
    }

    @AfterAll
    static void shutdown() {
        vc?.stop()
        env?.stop()
        work?.toFile()?.deleteDir()
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).level = rootLevel
        ((Logger) LoggerFactory.getLogger("com.vmware")).level = vmwareLevel
    }

    static VmInstanceInventory vm(String name) {
        (env.query(new QueryVmInstanceAction(), ["name=${name}".toString()]) as List<VmInstanceInventory>)[0]
    }

    /** VMware needs no conversion host nor key to be reached. */
    static final SourceAccess NO_ACCESS = new SourceAccess(null, null, null)

    static SourceVm find(String ref) {
        return await { ReturnValueCompletion<SourceVm> c -> source.find(ref, NO_ACCESS, c) }
    }

    static PreparedSource prepare(SourceVm vm, boolean powerOff) {
        PrepareSpec spec = new PrepareSpec(jobUuid: "case-job", powerOff: powerOff, shutdownTimeoutSeconds: 30)
        return await { ReturnValueCompletion<PreparedSource> c -> source.prepare(vm, spec, NO_ACCESS, c) }
    }

    /** Runs an asynchronous source call and waits for its value; a failure is thrown as OperationFailureException. */
    static <T> T await(Closure call) {
        def f = new CompletableFuture<T>()
        call(new ReturnValueCompletion<T>() {
            @Override
            void success(T r) { f.complete(r) }

            @Override
            void fail(ErrorCode e) { f.completeExceptionally(new OperationFailureException(e)) }
        })
        try {
            return f.get(60, TimeUnit.SECONDS)
        } catch (ExecutionException e) {
            throw e.cause
        }
    }

    static ErrorCode prepareError(SourceVm vm, boolean powerOff) {
        try {
            prepare(vm, powerOff)
        } catch (OperationFailureException e) {
            return e.errorCode
        }
        assert false: "prepare of ${vm.name} should have failed"
    }

    static void release(PreparedSource p, boolean succeeded) {
        def f = new CompletableFuture<Void>()
        source.release(p, succeeded, NO_ACCESS, new Completion() {
            @Override
            void success() { f.complete(null) }

            @Override
            void fail(ErrorCode e) { f.completeExceptionally(new OperationFailureException(e)) }
        })
        f.get(60, TimeUnit.SECONDS)
    }

    static HttpResponse<byte[]> get(String url, Map<String, String> headers = [:], String range = null) {
        def b = HttpRequest.newBuilder(URI.create(url))
        headers.each { k, v -> b.header(k, v) }
        if (range != null) {
            b.header("Range", range)
        }
        http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray())
    }

    static String sha256(byte[] b) {
        MessageDigest.getInstance("SHA-256").digest(b).encodeHex().toString()
    }

    /** The offset of the first non-zero byte outside the extents, or -1. */
    @CompileStatic
    static long firstDataOutside(byte[] data, List<long[]> extents) {
        BitSet inside = new BitSet(data.length)
        for (long[] e : extents) {
            inside.set((int) e[0], (int) Math.min(data.length, e[0] + e[1]))
        }
        for (int b = inside.nextClearBit(0); b < data.length; b = inside.nextClearBit(b + 1)) {
            if (data[b] != 0) {
                return b
            }
        }
        return -1
    }

    static Map lease(String moid) {
        (vc.stats().leases as List<Map>).find { it.moid == moid }
    }

    static int progressCalls() {
        ((vc.stats().soapCalls as Map).HttpNfcLeaseProgress ?: 0) as int
    }

    @Test
    @Order(1)
    void theSourceIsABeanOfSchemeVmware() {
        assert source instanceof VmwareMigrationSource
        assert source.scheme == "vmware"
    }

    @Test
    @Order(2)
    void aVmIsFoundByItsUuidAndByItsInstanceUuid() {
        VmInstanceInventory inv = vm("off-01")
        Map sim = vc.vm("off-01")
        SourceVm byUuid = find(inv.uuid)
        SourceVm byInstanceUuid = find(OFF_INSTANCE_UUID)
        SourceVm byUpperCase = find(OFF_INSTANCE_UUID.toUpperCase())
        for (SourceVm s : [byUuid, byInstanceUuid, byUpperCase]) {
            assert s.uuid == inv.uuid
            assert s.externalId == OFF_INSTANCE_UUID
            assert s.sourceUuid == vcenter.uuid
            assert s.name == "off-01"
            assert s.cpuNum == 2 && s.memorySize == 1024 * MiB
            assert s.platform == "Linux" && s.bootMode == "UEFI" && s.powerState == "Stopped"
            assert s.guestOsType == sim.guestFullName
            assert s.disks.size() == 2
            assert s.disks*.index == [0, 1]
            assert s.disks[0].capacity == 3 * MiB && s.disks[1].capacity == 2 * MiB
            assert s.disks*.deviceKey == (sim.disks as List<Map>)*.key*.toString()
            assert s.disks*.volumeUuid == inv.allVolumes.sort { it.deviceId }*.uuid
            assert s.nics*.mac == ["00:50:56:3f:10:01", "00:50:56:3f:10:02"]
            assert s.nics*.deviceIndex == [0, 1]
            assert s.nics.every { it.networkName == "VM Network" }
            assert env.dbf.findByUuid(s.nics[0].networkUuid, VCenterNetworkVO).name == "VM Network"
        }

        SourceVm on = find(vm("on-01").uuid)
        assert on.platform == "WindowsVirtio" && on.bootMode == "BIOS" && on.powerState == "Running"
        SourceVm other = find(vm("cbt-01").uuid)
        assert other.platform == "Other"
    }

    @Test
    @Order(3)
    void anUnknownVmIsAClearError() {
        for (String ref : ["no-such-vm", "50ffffff-0000-0000-0000-000000000000", env.zone.uuid]) {
            try {
                find(ref)
                assert false: "found ${ref}"
            } catch (OperationFailureException e) {
                assert e.errorCode.code == "VCENTER.1100"
                assert e.errorCode.details.contains(ref)
            }
        }
        // prepare checks the VM again: the job's data may outlive the VM's record
        SourceVm ghost = new SourceVm(uuid: "0" * 32, name: "ghost")
        ErrorCode e = prepareError(ghost, false)
        assert e.code == "VCENTER.1100" && e.details.contains("0" * 32)
    }

    @Test
    @Order(4)
    void aPoweredOffVmIsReadThroughAnExportLeaseKeptAliveUntilRelease() {
        SourceVm s = find(vm("off-01").uuid)
        Map sim = vc.vm("off-01")
        PreparedSource p = prepare(s, false)
        assert !p.poweredOffByUs
        assert p.scheme == "vmware" && p.vmUuid == s.uuid
        String leaseId = p.handle.lease
        assert leaseId != null && p.handle.snapshot == null
        assert lease(leaseId).state == "ready"
        assert p.readPath == PreparedSource.READ_NFC_EXPORT
        assert p.readPathReason.startsWith("the VM is off; v2v.vmware.coldReadPath=export (the default)")
        assert p.disks*.index == [0, 1]
        p.disks.eachWithIndex { PreparedSource.DiskRead d, int i ->
            Map disk = (sim.disks as List<Map>)[i]
            assert d.url.startsWith("https://${vc.host}:${vc.port}/nfc/${leaseId}/".toString()): "the * host replaced"
            assert d.sslThumbprint.equalsIgnoreCase(vc.thumbprint)
            assert d.capacity == disk.capacityBytes
            assert d.extents == null && d.headers.isEmpty()
            byte[] flat = Files.readAllBytes(Path.of(disk.file as String))
            HttpResponse<byte[]> whole = get(d.url)
            assert whole.statusCode() == 200
            assert sha256(whole.body()) == sha256(flat)
            long from = d.capacity - 1 * MiB - 100
            HttpResponse<byte[]> part = get(d.url, [:], "bytes=${from}-${from + 4095}")
            assert part.statusCode() == 206
            // compared by digest: a failing assert renders its operands, megabytes of them
            assert sha256(part.body()) == sha256(Arrays.copyOfRange(flat, (int) from, (int) from + 4096))
        }

        // the lease times out after 3 s without a sign of life; the keep-alive (every second) holds it
        int before = progressCalls()
        Thread.sleep(4500)
        assert lease(leaseId).state == "ready"
        assert progressCalls() - before >= 2
        assert get(p.disks[1].url, [:], "bytes=0-511").statusCode() == 206

        release(p, true)
        assert lease(leaseId).state == "done"
        assert get(p.disks[0].url).statusCode() == 404
        int after = progressCalls()
        Thread.sleep(1500)
        assert progressCalls() == after: "the keep-alive stops with the release"
        assert vc.vm("off-01").powerState == "poweredOff"
    }

    @Test
    @Order(5)
    void aRunningVmIsShutDownForAnOfflineReadAndPoweredOnAgainWhenTheMigrationFails() {
        SourceVm s = find(vm("on-01").uuid)
        assert vc.vm("on-01").powerState == "poweredOn"
        PreparedSource p = prepare(s, true)
        assert p.poweredOffByUs
        assert vc.vm("on-01").powerState == "poweredOff"
        assert (vc.stats().soapCalls as Map).ShutdownGuest == 1
        assert !(vc.stats().soapCalls as Map).containsKey("PowerOffVM_Task"): "never a hard power-off"
        String leaseId = p.handle.lease
        assert lease(leaseId).state == "ready"
        assert get(p.disks[0].url, [:], "bytes=0-4095").statusCode() == 206

        release(p, false)
        assert lease(leaseId).state == "error": "aborted, as the migration failed"
        assert vc.vm("on-01").powerState == "poweredOn": "left as it was found"
    }

    @Test
    @Order(6)
    void aSuspendedVmIsNotShutDown() {
        vc.suspend("on-01")
        ErrorCode e = prepareError(find(vm("on-01").uuid), true)
        assert e.code == "VCENTER.1104" && e.details.contains("on-01") && e.details.contains("suspended")
        assert vc.vm("on-01").powerState == "suspended"
        vc.powerOn("on-01")
    }

    @Test
    @Order(7)
    void aRunningVmIsReadOnlineThroughASnapshotWithCbtExtents() {
        SourceVm s = find(vm("cbt-01").uuid)
        Map sim = vc.vm("cbt-01")
        assert sim.changeTrackingEnabled
        PreparedSource p = prepare(s, false)
        assert !p.poweredOffByUs && p.handle.lease == null
        assert p.readPath == PreparedSource.READ_SNAPSHOT_DATASTORE && p.readPathReason.contains("changed block tracking")
        String snapshot = p.handle.snapshot
        assert (vc.vm("cbt-01").snapshots as List<Map>)*.moid == [snapshot]
        assert vc.vm("cbt-01").powerState == "poweredOn"

        String cookie = null
        p.disks.eachWithIndex { PreparedSource.DiskRead d, int i ->
            Map disk = (sim.disks as List<Map>)[i]
            assert d.index == i
            assert d.url == vc.datastoreUrl("DC0", "DC0_DS0", disk.datastorePath as String)
            assert d.sslThumbprint.equalsIgnoreCase(vc.thumbprint)
            assert d.capacity == disk.capacityBytes
            cookie = d.headers.Cookie
            assert cookie.startsWith("vmware_soap_session=")

            byte[] file = Files.readAllBytes(Path.of(disk.file as String))
            HttpResponse<byte[]> whole = get(d.url, d.headers)
            assert whole.statusCode() == 200
            assert sha256(whole.body()) == sha256(file)
            // a thin disk's file may be shorter than the disk: the rest reads as zeroes
            byte[] flat = Arrays.copyOf(file, (int) d.capacity)
            if (d.capacity > 8192) {
                HttpResponse<byte[]> part = get(d.url, d.headers, "bytes=4096-8191")
                assert part.statusCode() == 206 && sha256(part.body()) == sha256(Arrays.copyOfRange(flat, 4096, 8192))
            }
            // like vCenter, the datastore wants the session
            assert get(d.url, [:], "bytes=0-511").statusCode() == 401

            // the extents hold every byte of data, and less than the whole disk
            assert d.extents != null
            long covered = 0
            for (long[] e : d.extents) {
                assert e[0] >= 0 && e[1] > 0 && e[0] + e[1] <= d.capacity
                covered += e[1]
            }
            long outside = firstDataOutside(flat, d.extents)
            assert outside < 0: "disk ${i}: data at ${outside} outside the extents ${d.extents*.toList()}"
            assert covered < d.capacity: "a half-empty disk is not read whole"
        }
        assert !p.disks[0].extents.isEmpty()

        release(p, true)
        assert (vc.vm("cbt-01").snapshots as List).isEmpty(): "the snapshot is removed"
        assert vc.vm("cbt-01").powerState == "poweredOn"
        assert get(p.disks[0].url, p.disks[0].headers, "bytes=0-511").statusCode() == 401: "the reading session ends with the release"

        // the cookie is a secret: in no log line, and neither is the password
        String sessionId = cookie.substring(cookie.indexOf('=') + 1).replace('"', '')
        assert env.log.containing(sessionId).isEmpty()
        assert env.log.containing(VCenterEnv.PASSWORD).isEmpty()
    }

    @Test
    @Order(8)
    void anOffVmIsReadFromItsFlatFilesWhenTheColdReadPathIsDatastore() {
        def refused = new org.zstack.sdk.UpdateGlobalConfigAction(category: "v2v", name: "vmware.coldReadPath", value: "nfs",
                sessionId: env.session).call()
        assert refused.error != null && refused.error.details.contains("export, datastore")
        env.updateGlobalConfig("v2v", "vmware.coldReadPath", "datastore")
        try {
            SourceVm s = find(vm("off-01").uuid)
            Map sim = vc.vm("off-01")
            int leasesBefore = ((vc.stats().soapCalls as Map).ExportVm ?: 0) as int
            PreparedSource p = prepare(s, false)
            assert p.readPath == PreparedSource.READ_DATASTORE
            assert p.readPathReason == "the VM is off; v2v.vmware.coldReadPath=datastore: its flat disk files over the vCenter's datastore HTTPS with Range"
            assert p.handle.lease == null && p.handle.snapshot == null
            assert ((vc.stats().soapCalls as Map).ExportVm ?: 0) == leasesBefore: "no export lease"
            p.disks.eachWithIndex { PreparedSource.DiskRead d, int i ->
                Map disk = (sim.disks as List<Map>)[i]
                assert d.index == i
                assert d.url == vc.datastoreUrl("DC0", "DC0_DS0", disk.datastorePath as String)
                assert d.capacity == disk.capacityBytes && d.extents == null
                byte[] file = Files.readAllBytes(Path.of(disk.file as String))
                HttpResponse<byte[]> whole = get(d.url, d.headers)
                assert whole.statusCode() == 200 && sha256(whole.body()) == sha256(file)
            }
            release(p, true)
            assert get(p.disks[0].url, p.disks[0].headers, "bytes=0-511").statusCode() == 401: "the reading session ends with the release"
            assert vc.vm("off-01").powerState == "poweredOff"
        } finally {
            env.updateGlobalConfig("v2v", "vmware.coldReadPath", "export")
        }
    }
}
