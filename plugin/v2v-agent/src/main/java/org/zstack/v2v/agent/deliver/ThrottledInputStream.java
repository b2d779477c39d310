package org.zstack.v2v.agent.deliver;

import org.zstack.v2v.agent.job.BandwidthLimiter;
import org.zstack.v2v.agent.job.JobCanceledException;
import org.zstack.v2v.agent.job.JobRegistry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.function.LongConsumer;

/**
 * A file read for an upload: at most the job's bandwidth, counted for progress, and failing at once when the job
 * is canceled. The HTTP client pulls from it on its own threads, so a cancel surfaces as an IOException there
 * (what the client expects from a body) and the command turns it back into "canceled".
 */
final class ThrottledInputStream extends FilterInputStream {
    /** Small enough that the limiter's waits stay short and smooth. */
    private static final int MAX_READ = 256 << 10;

    private final BandwidthLimiter limiter;
    private final JobRegistry.Job job;
    private final LongConsumer counter;

    ThrottledInputStream(InputStream in, BandwidthLimiter limiter, JobRegistry.Job job, LongConsumer counter) {
        super(in);
        this.limiter = limiter;
        this.job = job;
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (job.isCanceled()) {
            throw new IOException("job " + job.uuid() + " canceled");
        }
        int n = in.read(b, off, Math.min(len, MAX_READ));
        if (n > 0) {
            if (limiter != null) {
                try {
                    limiter.acquire(n, job::checkCanceled);
                } catch (JobCanceledException e) {
                    throw new IOException(e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("upload interrupted");
                }
            }
            counter.accept(n);
        }
        return n;
    }

    @Override
    public long skip(long n) {
        // every byte is sent, and counted; nothing is skipped
        return 0;
    }
}
