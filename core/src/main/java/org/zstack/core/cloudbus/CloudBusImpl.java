package org.zstack.core.cloudbus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zstack.core.Platform;
import org.zstack.header.Service;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.*;
import java.util.function.Consumer;

public class CloudBusImpl implements CloudBus {
    private static final Logger logger = LoggerFactory.getLogger(CloudBusImpl.class);
    /** Used when a NeedReplyMessage sets no timeout. */
    static final long DEFAULT_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);

    private final String managementNodeUuid;
    private final MessageTransport transport;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<Consumer<Event>>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bus-timeout");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService eventWorkers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bus-event");
        t.setDaemon(true);
        return t;
    });

    private record Pending(CloudBusCallBack callback, ScheduledFuture<?> timeout) {
    }

    public CloudBusImpl(String managementNodeUuid, MessageTransport transport) {
        this.managementNodeUuid = managementNodeUuid;
        this.transport = transport;
    }

    @Override
    public String getManagementNodeUuid() {
        return managementNodeUuid;
    }

    @Override
    public void registerService(Service service) {
        transport.register(makeLocalServiceId(service.getId()), msg -> dispatch(service, msg));
    }

    @Override
    public void unregisterService(Service service) {
        transport.unregister(makeLocalServiceId(service.getId()));
    }

    /** Exceptions out of a service become error answers: a caller never waits for a reply that a throw swallowed. */
    private void dispatch(Service service, Message msg) {
        try {
            service.handleMessage(msg);
        } catch (OperationFailureException e) {
            replyErrorByMessageType(msg, e.getErrorCode());
        } catch (Throwable t) {
            logger.warn(String.format("unhandled exception in service %s on %s", service.getId(), msg.getMessageName()), t);
            // the answer may reach a client: it names no exception class and carries no exception text (which
            // can hold SQL, paths or values); the log has both
            replyErrorByMessageType(msg, Platform.inerr("an internal error happened in service %s while handling %s;"
                    + " see the management node's log", service.getId(), msg.getClass().getSimpleName()));
        }
    }

    @Override
    public void send(Message msg) {
        prepare(msg);
        if (!transport.deliver(msg)) {
            replyErrorByMessageType(msg, noService(msg));
        }
    }

    @Override
    public void send(NeedReplyMessage msg, CloudBusCallBack callback) {
        prepare(msg);
        long timeout = msg.getTimeout() > 0 ? msg.getTimeout() : DEFAULT_TIMEOUT_MS;
        ScheduledFuture<?> f = timer.schedule(() -> timeoutReply(msg, timeout), timeout, TimeUnit.MILLISECONDS);
        pending.put(msg.getId(), new Pending(callback, f));
        if (!transport.deliver(msg)) {
            MessageReply r = new MessageReply();
            r.setError(noService(msg));
            complete(msg.getId(), r);
        }
    }

    @Override
    public MessageReply call(NeedReplyMessage msg) {
        CompletableFuture<MessageReply> future = new CompletableFuture<>();
        send(msg, future::complete);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            MessageReply r = new MessageReply();
            r.setError(Platform.inerr("interrupted while waiting for the reply of %s", msg.getMessageName()));
            return r;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void timeoutReply(NeedReplyMessage msg, long timeout) {
        MessageReply r = new MessageReply();
        r.setError(Platform.touterr("%s to service %s timed out after %d ms", msg.getClass().getSimpleName(),
                msg.getServiceId(), timeout));
        complete(msg.getId(), r);
    }

    @Override
    public void reply(Message request, MessageReply reply) {
        reply.setId(Platform.getUuid());
        reply.putHeader(HEADER_CORRELATION_ID, request.getId());
        complete(request.getId(), reply);
    }

    private void complete(String requestId, MessageReply reply) {
        Pending p = pending.remove(requestId);
        if (p == null) {
            // the sender gave up (timeout) or sent without a callback
            logger.debug("a reply to message {} arrived with nobody waiting", requestId);
            return;
        }
        p.timeout().cancel(false);
        try {
            p.callback().run(reply);
        } catch (Throwable t) {
            logger.warn("a reply callback threw", t);
        }
    }

    @Override
    public void publish(Event event) {
        if (event.getId() == null) {
            event.setId(Platform.getUuid());
        }
        for (Map.Entry<Class<?>, List<Consumer<Event>>> e : subscribers.entrySet()) {
            if (e.getKey().isInstance(event)) {
                for (Consumer<Event> l : e.getValue()) {
                    eventWorkers.execute(() -> {
                        try {
                            l.accept(event);
                        } catch (Throwable t) {
                            logger.warn("an event listener threw", t);
                        }
                    });
                }
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Event> void subscribe(Class<T> eventClass, Consumer<T> listener) {
        subscribers.computeIfAbsent(eventClass, k -> new CopyOnWriteArrayList<>()).add((Consumer<Event>) listener);
    }

    @Override
    public void replyErrorByMessageType(Message msg, ErrorCode error) {
        if (msg instanceof APIMessage && !(msg instanceof APISyncCallMessage)) {
            APIEvent evt = new APIEvent(msg.getId());
            evt.setError(error);
            publish(evt);
        } else if (msg instanceof NeedReplyMessage) {
            MessageReply r = msg instanceof APISyncCallMessage ? new APIReply() : new MessageReply();
            r.setError(error);
            reply(msg, r);
        } else {
            logger.warn("error on a message that expects no answer, {}: {}", msg.getMessageName(), error);
        }
    }

    @Override
    public void dealWithUnknownMessage(Message msg) {
        replyErrorByMessageType(msg, Platform.operr("no handler for message %s", msg.getMessageName()));
    }

    private ErrorCode noService(Message msg) {
        return Platform.operr("no service %s for message %s", msg.getServiceId(), msg.getMessageName());
    }

    private void prepare(Message msg) {
        if (msg.getId() == null) {
            msg.setId(Platform.getUuid());
        }
        if (msg.getServiceId() == null) {
            throw new IllegalArgumentException("message " + msg.getMessageName() + " has no service id");
        }
    }

    @Override
    public String makeLocalServiceId(String serviceId) {
        return managementNodeUuid + ":::" + serviceId;
    }

    @Override
    public void makeLocalServiceId(Message msg, String serviceId) {
        msg.setServiceId(makeLocalServiceId(serviceId));
    }

    @Override
    public void makeTargetServiceIdByResourceUuid(Message msg, String serviceId, String resourceUuid) {
        makeLocalServiceId(msg, serviceId);
    }

    public void shutdown() {
        transport.shutdown();
        timer.shutdownNow();
        eventWorkers.shutdownNow();
    }
}
