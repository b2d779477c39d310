package org.zstack.test.bench

import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.AppenderBase
import org.slf4j.LoggerFactory
import org.zstack.sdk.*
import org.zstack.testlib.TestNode
import org.zstack.testlib.vsphere.VCenterSimulator

import java.lang.management.ManagementFactory
import java.util.concurrent.ConcurrentLinkedQueue

/**
 * A benchmark of the vCenter sync, not a test (surefire never runs it: it is no *Case/*Test). Run it with
 * bin/benchmark-vcenter [--mariadb]. One in-process management node, the vSphere simulator (our vcsim), and for a
 * 40-VM and a 500-VM model (2 datacenters, 3 clusters, 8 hosts, 3 disks and 2 NICs per VM):
 * <ol>
 *   <li>AddVCenter: the login and the first sync, which creates every record;</li>
 *   <li>three re-syncs of the unchanged vCenter (everything read, nothing written);</li>
 *   <li>a re-sync after a tenth of the VMs were powered off and one destroyed;</li>
 * </ol>
 * each with the node's own split (read from vSphere / stored), then the heap in use after full GCs.
 * <p>
 * Then the cost of a page of the console's VM list (GET /vm-instances?q=hypervisorType=ESX&limit=100, the first
 * page and one in the middle) with 3,000 and with 15,000 ESX VMs stored (five vCenters of 3,000 VMs, 2 disks and
 * 2 NICs each): the median of 15 calls after 5 of warm-up. -Dbench.only=paging runs only that part.
 */
class VCenterSyncBenchmark {
    static final ConcurrentLinkedQueue<String> syncLines = new ConcurrentLinkedQueue<>()

    static Map model(int vmsPerDatacenter) {
        [
                datacenters: [
                        [name: "DC0", clusters: [[name: "DC0_C0", hosts: 3], [name: "DC0_C1", hosts: 3]],
                         dvSwitches: 1, dvPortgroupsPerSwitch: 2, vms: vmsPerDatacenter],
                        [name: "DC1", clusters: [[name: "DC1_C0", hosts: 2]], dvSwitches: 1, dvPortgroupsPerSwitch: 2,
                         vms: vmsPerDatacenter],
                ],
                vmDefaults : [cpu: 2, memoryMB: 2048, disks: 3, diskCapacityMB: 1, nics: 2,
                              firmware: ["bios", "efi"], powerState: ["poweredOn", "poweredOff"]],
        ]
    }

    static long heapUsedMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc()
            Thread.sleep(200)
        }
        return ManagementFactory.memoryMXBean.heapMemoryUsage.used.intdiv(1024 * 1024)
    }

    static String lastSyncLine() {
        String l = syncLines.isEmpty() ? "" : syncLines.toList().last()
        def m = l =~ /in (\d+) ms \(read (\d+) ms, stored (\d+) ms\).*VMs; (.*)$/
        return m.find() ? "node: ${m.group(1)} ms (read ${m.group(2)}, stored ${m.group(3)}); ${m.group(4)}" : l
    }

    static long timed(Closure c) {
        long t0 = System.nanoTime()
        c()
        return (System.nanoTime() - t0).intdiv(1_000_000)
    }

    static void run(TestNode node, String session, String zoneUuid, int vms) {
        VCenterSimulator vc = VCenterSimulator.start(model(vms.intdiv(2)))
        try {
            int total = vc.inventory().counts.vms as int
            println "== ${total} VMs (simulator ready in ${vc.startMillis} ms)"
            VCenterInventory inv = null
            long add = timed {
                inv = new AddVCenterAction(name: "bench", domainName: vc.host, port: vc.port, username: vc.username,
                        password: vc.password, zoneUuid: zoneUuid, sessionId: session).call().throwExceptionIfError().value.inventory
            }
            println String.format("  AddVCenter (login + first sync): %6d ms   %s", add, lastSyncLine())
            for (int i = 1; i <= 3; i++) {
                long t = timed { new SyncVCenterAction(uuid: inv.uuid, sessionId: session).call().throwExceptionIfError() }
                println String.format("  re-sync %d, unchanged:           %6d ms   %s", i, t, lastSyncLine())
            }
            List<Map> running = (vc.inventory().vms as List<Map>).findAll { it.powerState == "poweredOn" }
            running.take(Math.max(1, total.intdiv(10))).each { vc.powerOff(it.name as String) }
            vc.destroy(running.last().name as String)
            long t = timed { new SyncVCenterAction(uuid: inv.uuid, sessionId: session).call().throwExceptionIfError() }
            println String.format("  re-sync, %d off and 1 gone:     %6d ms   %s", Math.max(1, total.intdiv(10)), t, lastSyncLine())
            def q = new QueryVmInstanceAction(conditions: ["hypervisorType=ESX"], limit: 1000, sessionId: session)
            long qt = timed { assert q.call().throwExceptionIfError().value.inventories.size() == total - 1 }
            println String.format("  QueryVmInstance of all %d VMs:  %6d ms", total - 1, qt)
            println String.format("  heap in use after full GCs:     %6d MiB", heapUsedMiB())
            new DeleteVCenterAction(uuid: inv.uuid, sessionId: session).call().throwExceptionIfError()
        } finally {
            vc.stop()
        }
    }

    static final int PAGING_VMS_PER_VCENTER = 3000

    static Map pagingModel(int vms) {
        [datacenters: [[name: "DC0", clusters: [[name: "DC0_C0", hosts: 4], [name: "DC0_C1", hosts: 4]], vms: vms]],
         vmDefaults : [cpu: 2, memoryMB: 2048, disks: 2, diskCapacityMB: 1, nics: 2]]
    }

    /** The median time of a page, in ms, after a warm-up. */
    static double pageMillis(String session, int start) {
        def q = { new QueryVmInstanceAction(conditions: ["hypervisorType=ESX"], limit: 100, start: start, sessionId: session) }
        5.times { assert q().call().throwExceptionIfError().value.inventories.size() == 100 }
        List<Double> t = (1..15).collect {
            long t0 = System.nanoTime()
            def r = q().call().throwExceptionIfError()
            double ms = (System.nanoTime() - t0) / 1_000_000d
            assert r.value.inventories.size() == 100 && r.value.inventories.every { !it.vmNics.isEmpty() && !it.allVolumes.isEmpty() }
            ms
        }.sort()
        return t[7]
    }

    static void runPaging(String session, String zoneUuid) {
        List<VCenterSimulator> sims = []
        List<String> vcenters = []
        try {
            for (int i = 0; i < 5; i++) {
                VCenterSimulator vc = VCenterSimulator.start(pagingModel(PAGING_VMS_PER_VCENTER))
                sims << vc
                long add = timed {
                    vcenters << new AddVCenterAction(name: "paging-${i}", domainName: vc.host, port: vc.port, username: vc.username,
                            password: vc.password, zoneUuid: zoneUuid, sessionId: session).call().throwExceptionIfError().value.inventory.uuid
                }
                int stored = (i + 1) * PAGING_VMS_PER_VCENTER
                println String.format("  %5d ESX VMs stored (AddVCenter of %d VMs: %d ms)", stored, PAGING_VMS_PER_VCENTER, add)
                if (i == 0 || i == 4) {
                    println String.format("  page of 100 VMs at %5d: first %6.1f ms, middle %6.1f ms (median of 15)", stored,
                            pageMillis(session, 0), pageMillis(session, stored.intdiv(2)))
                }
            }
        } finally {
            vcenters.each { new DeleteVCenterAction(uuid: it, sessionId: session).call() }
            sims.each { it.stop() }
        }
    }

    static void main(String[] args) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        def capture = new AppenderBase<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.formattedMessage.startsWith("synced vCenter")) {
                    syncLines.add(e.formattedMessage)
                }
            }
        }
        capture.context = root.loggerContext
        capture.start()
        root.addAppender(capture)

        long begin = System.currentTimeMillis()
        TestNode node = TestNode.start()
        try {
            String session = node.login()
            String zone = new CreateZoneAction(name: "bench", sessionId: session).call().throwExceptionIfError().value.inventory.uuid
            println "database: ${System.getProperty("zstack.test.db", "h2")}, JVM max heap ${Runtime.runtime.maxMemory().intdiv(1024 * 1024)} MiB," +
                    " ${Runtime.runtime.availableProcessors()} CPUs; heap after boot ${heapUsedMiB()} MiB"
            if (System.getProperty("bench.only") != "paging") {
                run(node, session, zone, 40)
                run(node, session, zone, 500)
            }
            println "== paging of the console's VM list"
            runPaging(session, zone)
        } finally {
            node.stop()
        }
        println "total ${(System.currentTimeMillis() - begin).intdiv(1000)} s"
        System.exit(0)
    }
}
