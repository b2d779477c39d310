package org.zstack.test.bench

import groovy.transform.CompileStatic
import org.zstack.core.Platform
import org.zstack.testlib.TestNode

import java.lang.management.ManagementFactory
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration
import java.util.concurrent.*
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.locks.LockSupport

/**
 * A benchmark of the kernel through its REST API, not a test (surefire never runs it: it is no *Case/*Test). Run it
 * with bin/benchmark [--mariadb]. It boots one in-process management node (H2, or MariaDB with --mariadb), logs in,
 * and measures over loopback with raw HTTP (java.net.http, 50 client threads from a fixed pool):
 * <ol>
 *   <li>QueryZone, closed loop: requests/s, p50, p99, max;</li>
 *   <li>CreateZone, closed loop, each request timed from its POST until its poll answers 200;</li>
 *   <li>QueryZone at a fixed 100 requests/s for 20 s (open loop, latency from each request's planned start), p50/p99;</li>
 *   <li>10,000 more zones, 50 at a time; then the heap in use after full GCs, and the total wall time.</li>
 * </ol>
 * Every loop is bounded; it stops by itself.
 */
@CompileStatic
class KernelBenchmark {
    static final int CLIENTS = 50
    static final int QUERY_REQUESTS = 20_000
    static final int QUERY_WARMUP = 2_000
    static final int CREATE_REQUESTS = 2_000
    static final int CREATE_WARMUP = 200
    static final int FIXED_RATE = 100
    static final int FIXED_SECONDS = 20
    static final int MASS_ZONES = 10_000
    static final long PHASE_CAP_MS = TimeUnit.MINUTES.toMillis(10)
    static final String QUERY_PATH = "/v1/zones?limit=20&replyWithCount=true"

    final TestNode node
    final String session
    final ExecutorService clientPool = Executors.newFixedThreadPool(CLIENTS)
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(10)).build()

    KernelBenchmark(TestNode node, String session) {
        this.node = node
        this.session = session
    }

    static void main(String[] args) {
        if (args.contains("--mariadb")) {
            System.setProperty("zstack.test.db", "mariadb")
        }
        // the numbers mean little on a busy machine: say how busy it was
        def os = ManagementFactory.getOperatingSystemMXBean()
        printf("%d CPUs, load average %.1f at start%n", os.availableProcessors, os.systemLoadAverage)
        long begin = System.nanoTime()
        TestNode node = TestNode.start()
        int status = 0
        try {
            printf("node up in %.1f s on port %d, database %s%n", (System.nanoTime() - begin) / 1e9, node.port,
                    System.getProperty("zstack.test.db", "h2"))
            new KernelBenchmark(node, node.login()).runAll()
        } catch (Throwable t) {
            t.printStackTrace()
            status = 1
        } finally {
            node.stop()
        }
        printf("total wall time: %.1f s (load average %.1f at the end)%n", (System.nanoTime() - begin) / 1e9, os.systemLoadAverage)
        System.exit(status)
    }

    void runAll() {
        // a few zones for the queries to find
        closedLoop("seed", 50) { int i -> createZone("seed-" + i) }

        closedLoop("QueryZone warm-up", QUERY_WARMUP) { int i -> query() }
        report("QueryZone, ${CLIENTS} clients (GET ${QUERY_PATH})", closedLoop("QueryZone", QUERY_REQUESTS) { int i -> query() })

        closedLoop("CreateZone warm-up", CREATE_WARMUP) { int i -> createZone("warm-" + i) }
        report("CreateZone, ${CLIENTS} clients (POST /v1/zones until its poll answers 200)",
                closedLoop("CreateZone", CREATE_REQUESTS) { int i -> createZone("bench-" + i) })

        fixedRate()

        long t = System.nanoTime()
        Result mass = closedLoop("10,000 zones", MASS_ZONES) { int i -> createZone("mass-" + i) }
        printf("created %,d zones, %d at a time, in %.1f s (%.0f/s); zones in the database: %s%n", mass.count, CLIENTS,
                (System.nanoTime() - t) / 1e9, mass.perSecond(), zoneCount())

        heap()
    }

    // ------------------------------------------------------------------------------------------ the requests

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(node.baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "OAuth " + session)
    }

    void query() {
        HttpResponse<String> r = http.send(request(QUERY_PATH).GET().build(), HttpResponse.BodyHandlers.ofString())
        check(r, 200)
    }

    void createZone(String name) {
        String body = '{"params":{"name":"' + name + '","description":"benchmark zone"}}'
        HttpResponse<String> r = http.send(request("/v1/zones").header("X-Job-UUID", Platform.getUuid())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
        if (r.statusCode() == 200) {
            return
        }
        check(r, 202)
        String location = r.body().replaceAll('.*"location"\\s*:\\s*"([^"]+)".*', '$1')
        String path = location.substring(location.indexOf("/zstack") + "/zstack".length())
        long deadline = System.currentTimeMillis() + 60_000
        int polls = 0
        while (true) {
            HttpResponse<String> p = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString())
            if (p.statusCode() == 200) {
                return
            }
            check(p, 202)
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("zone " + name + " was not created within 60 s")
            }
            // poll at once first, then every 2 ms: the poll interval is part of what is measured
            if (polls++ > 0) {
                Thread.sleep(2)
            }
        }
    }

    long zoneCount() {
        HttpResponse<String> r = http.send(request("/v1/zones?count=true").GET().build(), HttpResponse.BodyHandlers.ofString())
        check(r, 200)
        return Long.parseLong(r.body().replaceAll('.*"total"\\s*:\\s*(\\d+).*', '$1'))
    }

    static void check(HttpResponse<String> r, int expected) {
        if (r.statusCode() != expected) {
            String b = r.body()
            throw new IllegalStateException("${r.request().method()} ${r.uri()}: HTTP ${r.statusCode()} " +
                    (b.length() > 500 ? b.substring(0, 500) : b))
        }
    }

    // ------------------------------------------------------------------------------------------ the loops

    static class Result {
        long[] nanos
        int count
        long wallNanos

        double perSecond() { count / (wallNanos / 1e9) }

        double ms(double q) {
            if (count == 0) {
                return Double.NaN
            }
            int i = (int) Math.ceil(q * count) - 1
            return nanos[Math.max(0, Math.min(count - 1, i))] / 1e6
        }
    }

    /** Runs total calls of work on the CLIENTS threads, each thread taking the next index until none is left. */
    Result closedLoop(String name, int total, Closure<?> work) {
        long[] nanos = new long[total]
        AtomicInteger next = new AtomicInteger()
        AtomicInteger done = new AtomicInteger()
        List<Throwable> errors = new CopyOnWriteArrayList<>()
        long deadline = System.currentTimeMillis() + PHASE_CAP_MS
        long start = System.nanoTime()
        List<Future<?>> fs = []
        for (int c = 0; c < CLIENTS; c++) {
            fs.add(clientPool.submit({
                int i
                while ((i = next.getAndIncrement()) < total && System.currentTimeMillis() < deadline && errors.size() < 10) {
                    long t = System.nanoTime()
                    try {
                        work.call(i)
                        nanos[done.getAndIncrement()] = System.nanoTime() - t
                    } catch (Throwable e) {
                        errors.add(e)
                    }
                }
            } as Runnable))
        }
        fs.each { it.get() }
        long wall = System.nanoTime() - start
        if (!errors.isEmpty()) {
            throw new IllegalStateException("${name}: ${errors.size()} requests failed; the first: ${errors[0]}", errors[0])
        }
        int n = done.get()
        if (n < total) {
            println("${name}: stopped after ${n} of ${total} requests (${PHASE_CAP_MS / 1000} s cap)")
        }
        long[] measured = Arrays.copyOf(nanos, n)
        Arrays.sort(measured)
        return new Result(nanos: measured, count: n, wallNanos: wall)
    }

    static void report(String what, Result r) {
        printf("%s%n    %,d requests in %.2f s: %,.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                what, r.count, r.wallNanos / 1e9, r.perSecond(), r.ms(0.50), r.ms(0.99), r.ms(1.0))
    }

    /** Open loop: a request every 10 ms whatever the earlier ones do, timed from when it was due. */
    void fixedRate() {
        int total = FIXED_RATE * FIXED_SECONDS
        long interval = TimeUnit.SECONDS.toNanos(1).intdiv(FIXED_RATE)
        long[] nanos = new long[total]
        AtomicInteger failed = new AtomicInteger()
        CountDownLatch finished = new CountDownLatch(total)
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50)
        for (int i = 0; i < total; i++) {
            long due = start + i * interval
            long wait = due - System.nanoTime()
            if (wait > 0) {
                LockSupport.parkNanos(wait)
            }
            int index = i
            http.sendAsync(request(QUERY_PATH).GET().build(), HttpResponse.BodyHandlers.ofString()).whenComplete { HttpResponse<String> r, Throwable e ->
                nanos[index] = System.nanoTime() - due
                if (e != null || r.statusCode() != 200) {
                    failed.incrementAndGet()
                }
                finished.countDown()
            }
        }
        if (!finished.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the fixed-rate queries did not all finish")
        }
        long wall = System.nanoTime() - start
        Arrays.sort(nanos)
        Result r = new Result(nanos: nanos, count: total, wallNanos: wall)
        printf("QueryZone at a fixed %d requests/s for %d s (open loop)%n    %,d requests, %d failed: latency p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 < 50 ms: %s)%n",
                FIXED_RATE, FIXED_SECONDS, total, failed.get(), r.ms(0.50), r.ms(0.99), r.ms(1.0),
                r.ms(0.99) < 50 ? "met" : "NOT met")
    }

    void heap() {
        clientPool.shutdown()
        def mem = ManagementFactory.getMemoryMXBean()
        for (int i = 0; i < 4; i++) {
            System.gc()
            Thread.sleep(300)
        }
        long used = mem.heapMemoryUsage.used
        long max = mem.heapMemoryUsage.max
        printf("heap in use after full GC: %.1f MiB (max heap %.0f MiB; target < 512 MiB: %s)%n", used / 1048576.0,
                max / 1048576.0, used < 512L * 1024 * 1024 ? "met" : "NOT met")
    }
}
