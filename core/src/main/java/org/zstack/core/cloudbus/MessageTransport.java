package org.zstack.core.cloudbus;

import org.zstack.header.message.Message;

import java.util.function.Consumer;

/**
 * How a message reaches the service it is addressed to. In-JVM for one node; a broker transport (RabbitMQ) plugs
 * in here when several management nodes share the work, without the bus or the services changing.
 */
public interface MessageTransport {
    /** Delivers to the receiver registered for msg.getServiceId(); false if there is none. */
    boolean deliver(Message msg);

    void register(String serviceId, Consumer<Message> receiver);

    void unregister(String serviceId);

    void shutdown();
}
