package org.zstack.core.thread;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

public interface ThreadFacade {
    void chainSubmit(ChainTask task);

    Future<?> submit(Runnable task);

    ScheduledFuture<?> submitPeriodicTask(Runnable task, long interval, TimeUnit unit);

    ScheduledFuture<?> submitTimeoutTask(Runnable task, long delay, TimeUnit unit);

    /** Tasks of a signature that are running or waiting, for tests and diagnostics. */
    int queueLength(String syncSignature);
}
