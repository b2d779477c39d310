package org.zstack.core.thread;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.message.Message;

import java.util.function.Consumer;

/**
 * Runs the handling of a message in a per-resource queue ("zone-<uuid>", "host-<uuid>"), one at a time. Whatever
 * the work throws answers the message with the error and frees the queue: an exception that only reached the
 * thread pool would leave the API waiting for its timeout and the queue blocked.
 */
public class MessageQueue {
    private static final Logger logger = LoggerFactory.getLogger(MessageQueue.class);

    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private CloudBus bus;

    /** work calls chain.next() when it is done, possibly later on another thread. */
    public void submit(String signature, Message msg, Consumer<SyncTaskChain> work) {
        thdf.chainSubmit(new ChainTask() {
            @Override
            public String getSyncSignature() {
                return signature;
            }

            @Override
            public void run(SyncTaskChain chain) {
                try {
                    work.accept(chain);
                } catch (OperationFailureException e) {
                    bus.replyErrorByMessageType(msg, e.getErrorCode());
                    chain.next();
                } catch (Throwable t) {
                    logger.warn(String.format("%s failed in queue %s", msg.getMessageName(), signature), t);
                    bus.replyErrorByMessageType(msg, Platform.inerr("%s failed in queue %s; see the management node's log",
                            msg.getClass().getSimpleName(), signature));
                    chain.next();
                }
            }

            @Override
            public String getName() {
                return msg.getClass().getSimpleName() + "-" + signature;
            }
        });
    }

    /** For work that is synchronous: the queue moves on when it returns. */
    public void run(String signature, Message msg, Runnable work) {
        submit(signature, msg, chain -> {
            try {
                work.run();
            } finally {
                chain.next();
            }
        });
    }
}
