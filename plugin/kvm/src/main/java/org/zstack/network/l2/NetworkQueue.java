package org.zstack.network.l2;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.thread.ChainTask;
import org.zstack.core.thread.MessageQueue;
import org.zstack.core.thread.SyncTaskChain;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.Message;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.zstack.core.Platform.touterr;

/**
 * The per-network queues: every change of one L2 network runs in "l2-network-uuid", every change of one L3
 * network (its ranges, and each IP allocated from it) in "l3-network-uuid", one at a time. A failure always
 * answers the message: an exception that only reached the thread pool would leave the API waiting for its timeout.
 */
public class NetworkQueue {
    /** How long a blocking caller waits for its turn; the queues only do short database work. */
    private static final long CALL_TIMEOUT_MINUTES = 5;

    /** The queues whose synchronous work this thread is running, so a nested call() runs at once, not deadlocks. */
    private static final ThreadLocal<Set<String>> HELD = ThreadLocal.withInitial(HashSet::new);

    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private MessageQueue messageQueue;

    public static String l2(String l2NetworkUuid) {
        return "l2-network-" + l2NetworkUuid;
    }

    public static String l3(String l3NetworkUuid) {
        return "l3-network-" + l3NetworkUuid;
    }

    /** Runs synchronous work for msg in the queue. */
    public void run(String signature, Message msg, Runnable work) {
        runAsync(signature, msg, done -> {
            try {
                work.run();
            } finally {
                done.run();
            }
        });
    }

    /**
     * Runs work for msg in the queue; the work calls done.run() once it has finished, possibly later and on
     * another thread. If it throws instead, msg is answered with the error and the queue moves on.
     */
    public void runAsync(String signature, Message msg, Consumer<Runnable> work) {
        messageQueue.submit(signature, msg, chain -> {
            HELD.get().add(signature);
            try {
                work.accept(chain::next);
            } finally {
                HELD.get().remove(signature);
            }
        });
    }

    /** Runs work in the queue and returns its result to the calling thread; its exceptions are rethrown as they are. */
    public <T> T call(String signature, String name, Supplier<T> work) {
        if (HELD.get().contains(signature)) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        // whoever sets this first decides: the task that starts the work, or the caller that gives up waiting;
        // so work is never done (an IP never allocated) for a caller that has already been told it timed out
        AtomicBoolean claimed = new AtomicBoolean();
        thdf.chainSubmit(new ChainTask() {
            @Override
            public String getSyncSignature() {
                return signature;
            }

            @Override
            public void run(SyncTaskChain chain) {
                if (!claimed.compareAndSet(false, true)) {
                    chain.next();
                    return;
                }
                HELD.get().add(signature);
                try {
                    result.complete(work.get());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    HELD.get().remove(signature);
                    chain.next();
                }
            }

            @Override
            public String getName() {
                return name + "-" + signature;
            }
        });
        try {
            return result.get(CALL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (claimed.compareAndSet(false, true)) {
                throw new OperationFailureException(touterr("%s did not get its turn in queue %s within %d minutes",
                        name, signature, CALL_TIMEOUT_MINUTES));
            }
            // the work has just started and is short: its result (an allocated IP) must not be lost
            try {
                return result.join();
            } catch (CompletionException ce) {
                throw unwrap(ce);
            }
        }
    }

    private static RuntimeException unwrap(Exception e) {
        return e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
}
