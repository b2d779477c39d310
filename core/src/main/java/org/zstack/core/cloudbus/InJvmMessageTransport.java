package org.zstack.core.cloudbus;

import org.zstack.header.message.Message;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Delivers each message on a worker thread of this JVM, so a sender never runs its receiver's code inline. */
public class InJvmMessageTransport implements MessageTransport {
    private final Map<String, Consumer<Message>> receivers = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    public InJvmMessageTransport() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bus-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public boolean deliver(Message msg) {
        Consumer<Message> receiver = receivers.get(msg.getServiceId());
        if (receiver == null) {
            return false;
        }
        workers.execute(() -> receiver.accept(msg));
        return true;
    }

    @Override
    public void register(String serviceId, Consumer<Message> receiver) {
        receivers.put(serviceId, receiver);
    }

    @Override
    public void unregister(String serviceId) {
        receivers.remove(serviceId);
    }

    @Override
    public void shutdown() {
        workers.shutdownNow();
    }
}
