package org.zstack.v2v.agent.job;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.function.LongConsumer;

/**
 * A stream a job's command reads its data through: each read is at most {@code maxRead} bytes (so the limiter's waits
 * stay short and smooth), paid to the job's bandwidth limiter, counted, and preceded by the job's cancel check. Skips
 * are refused so that every byte is read and counted.
 *
 * <p>How a cancel surfaces depends on who reads: a command reading on its own thread lets the
 * {@link JobCanceledException} through; a body the HTTP client pulls on its own threads must fail with an
 * IOException (what the client expects from a body), which the command then turns back into "canceled".
 */
public final class MeteredInputStream extends FilterInputStream {
    private final int maxRead;
    private final BandwidthLimiter limiter;
    private final Runnable cancelCheck;
    private final LongConsumer counter;
    private final boolean cancelAsIOException;
    private final String what;

    private MeteredInputStream(InputStream in, int maxRead, BandwidthLimiter limiter, Runnable cancelCheck,
                               LongConsumer counter, boolean cancelAsIOException, String what) {
        super(in);
        this.maxRead = maxRead;
        this.limiter = limiter;
        this.cancelCheck = cancelCheck;
        this.counter = counter;
        this.cancelAsIOException = cancelAsIOException;
        this.what = what;
    }

    /** Read by the command's own thread: a cancel throws {@link JobCanceledException}. */
    public static MeteredInputStream onCommandThread(InputStream in, int maxRead, BandwidthLimiter limiter,
                                                     Runnable cancelCheck, LongConsumer counter, String what) {
        return new MeteredInputStream(in, maxRead, limiter, cancelCheck, counter, false, what);
    }

    /** Pulled by an HTTP client as a request body: a cancel throws an IOException. */
    public static MeteredInputStream asRequestBody(InputStream in, int maxRead, BandwidthLimiter limiter,
                                                   Runnable cancelCheck, LongConsumer counter, String what) {
        return new MeteredInputStream(in, maxRead, limiter, cancelCheck, counter, true, what);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            cancelCheck.run();
            int n = in.read(b, off, Math.min(len, maxRead));
            if (n > 0) {
                if (limiter != null) {
                    limiter.acquire(n, cancelCheck);
                }
                counter.accept(n);
            }
            return n;
        } catch (JobCanceledException e) {
            if (cancelAsIOException) {
                throw new IOException(e.getMessage(), e);
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + ": interrupted");
        }
    }

    @Override
    public long skip(long n) {
        return 0;
    }
}
