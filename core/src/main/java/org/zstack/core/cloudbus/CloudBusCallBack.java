package org.zstack.core.cloudbus;

import org.zstack.header.message.MessageReply;

@FunctionalInterface
public interface CloudBusCallBack {
    void run(MessageReply reply);
}
