package org.zstack.core.cloudbus;

import org.zstack.header.Service;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.message.*;

import java.util.function.Consumer;

/**
 * The message bus between services. Requests go to a service id and are answered by a reply that comes back to
 * the sender's callback (or a SYS.1001 reply when the timeout passes first); events are published to subscribers.
 */
public interface CloudBus {
    String HEADER_CORRELATION_ID = "correlationId";

    void registerService(Service service);

    void unregisterService(Service service);

    /** Fire and forget. */
    void send(Message msg);

    void send(NeedReplyMessage msg, CloudBusCallBack callback);

    /** Blocks until the reply (or the timeout) arrives. */
    MessageReply call(NeedReplyMessage msg);

    void reply(Message request, MessageReply reply);

    void publish(Event event);

    <T extends Event> void subscribe(Class<T> eventClass, Consumer<T> listener);

    /** Answers a message with an error in the form its sender expects: a reply, or an APIEvent for async APIs. */
    void replyErrorByMessageType(Message msg, ErrorCode error);

    void dealWithUnknownMessage(Message msg);

    String makeLocalServiceId(String serviceId);

    void makeLocalServiceId(Message msg, String serviceId);

    /** Routes to the node that owns the resource; with one node, that is this node. */
    void makeTargetServiceIdByResourceUuid(Message msg, String serviceId, String resourceUuid);

    String getManagementNodeUuid();
}
