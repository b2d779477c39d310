package org.zstack.v2v.agent.job;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

class MeteredInputStreamTest {
    private static final AtomicBoolean NEVER = new AtomicBoolean();

    private static Runnable cancelWhen(AtomicBoolean canceled) {
        return () -> {
            if (canceled.get()) {
                throw new JobCanceledException("j1");
            }
        };
    }

    @Test
    void readsAreCappedCountedAndNeverSkipped() throws IOException {
        AtomicLong counted = new AtomicLong();
        InputStream in = MeteredInputStream.onCommandThread(new ByteArrayInputStream(new byte[10_000]), 4096, null,
                cancelWhen(NEVER), counted::addAndGet, "disk 0");
        byte[] buf = new byte[8192];
        assertEquals(4096, in.read(buf, 0, buf.length));
        assertEquals(0, in.skip(1000));
        assertEquals(0, in.read());
        long rest = in.readAllBytes().length;
        assertEquals(10_000, 4096 + 1 + rest);
        assertEquals(10_000, counted.get());
    }

    @Test
    void aCancelOnTheCommandsThreadIsTheJobsCancel() {
        AtomicBoolean canceled = new AtomicBoolean(true);
        InputStream in = MeteredInputStream.onCommandThread(new ByteArrayInputStream(new byte[10]), 4096, null,
                cancelWhen(canceled), n -> { }, "disk 0");
        assertThrows(JobCanceledException.class, () -> in.read(new byte[4]));
    }

    @Test
    void aCancelOfARequestBodyIsAnIOExceptionNamingTheJob() {
        AtomicBoolean canceled = new AtomicBoolean(true);
        InputStream in = MeteredInputStream.asRequestBody(new ByteArrayInputStream(new byte[10]), 4096, null,
                cancelWhen(canceled), n -> { }, "upload");
        IOException e = assertThrows(IOException.class, () -> in.read(new byte[4]));
        assertEquals("job j1 canceled", e.getMessage());
    }

    @Test
    void aCancelWhileWaitingForBandwidthEndsTheWait() {
        AtomicBoolean canceled = new AtomicBoolean();
        // 64 KiB at 16 KiB/s would wait 4 s; the cancel comes with the limiter's first check
        BandwidthLimiter slow = new BandwidthLimiter(16 << 10);
        InputStream in = MeteredInputStream.asRequestBody(new ByteArrayInputStream(new byte[64 << 10]), 64 << 10, slow,
                () -> {
                    if (canceled.getAndSet(true)) {
                        throw new JobCanceledException("j1");
                    }
                }, n -> { }, "upload");
        long t0 = System.nanoTime();
        assertThrows(IOException.class, () -> in.read(new byte[64 << 10]));
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
    }
}
