package org.zstack.testlib.rest

import org.springframework.beans.factory.annotation.Autowired
import org.zstack.core.cloudbus.CloudBus
import org.zstack.header.AbstractService
import org.zstack.header.message.Message

import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

import static org.zstack.core.Platform.operr

/** Serves the test-only APIs of this package (service id testlib.api, see serviceConfig/testlib.xml). */
class TestApiService extends AbstractService {
    static final String SERVICE_ID = "testlib.api"
    private static final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>()

    @Autowired
    private CloudBus bus

    /** Lets every APITestEchoMsg with this key finish, now and later. */
    static void release(String key) {
        gate(key).countDown()
    }

    private static CountDownLatch gate(String key) {
        return gates.computeIfAbsent(key, { new CountDownLatch(1) })
    }

    @Override
    String getId() {
        return SERVICE_ID
    }

    @Override
    void handleMessage(Message msg) {
        if (msg instanceof APITestEchoMsg) {
            handle((APITestEchoMsg) msg)
        } else {
            bus.dealWithUnknownMessage(msg)
        }
    }

    private void handle(APITestEchoMsg msg) {
        if (msg.crash) {
            throw new IllegalStateException("the test API crashed as told, in java.lang.Thread at org.zstack.testlib")
        }
        // never block the bus's thread: the wait happens on a thread of its own
        Thread.startDaemon("testlib-echo-${msg.id}") {
            APITestEchoEvent evt = new APITestEchoEvent(msg.id)
            if (msg.key != null && !gate(msg.key).await(60, TimeUnit.SECONDS)) {
                evt.setError(operr("the test API[key:%s] was never released", msg.key))
            } else if (msg.fail) {
                evt.setError(operr("the test API was told to fail"))
            } else {
                evt.inventory = new TestEchoInventory(apiId: msg.id, text: msg.text, key: msg.key,
                        systemTags: msg.systemTags, userTags: msg.userTags)
            }
            bus.publish(evt)
        }
    }
}
