package org.zstack.kvm;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.host.HostConstant;

/** Sends a KVMHostAsyncHttpCallMsg and hands back the agent's typed answer: the short form plugins use. */
public class KVMHostAgentCaller {
    @Autowired
    private CloudBus bus;

    public <T> void call(String hostUuid, String path, Object cmd, Class<T> rspClass, ReturnValueCompletion<T> completion) {
        call(hostUuid, path, cmd, rspClass, 0, completion);
    }

    public <T> void call(String hostUuid, String path, Object cmd, Class<T> rspClass, long timeoutMs,
                         ReturnValueCompletion<T> completion) {
        send(hostUuid, path, cmd, rspClass, timeoutMs, false, completion);
    }

    /** For the host's own connect flow, which runs before the host is Connected. */
    public <T> void callWhileConnecting(String hostUuid, String path, Object cmd, Class<T> rspClass,
                                        ReturnValueCompletion<T> completion) {
        send(hostUuid, path, cmd, rspClass, 0, true, completion);
    }

    private <T> void send(String hostUuid, String path, Object cmd, Class<T> rspClass, long timeoutMs,
                          boolean noStatusCheck, ReturnValueCompletion<T> completion) {
        KVMHostAsyncHttpCallMsg msg = new KVMHostAsyncHttpCallMsg();
        msg.setNoStatusCheck(noStatusCheck);
        msg.setHostUuid(hostUuid);
        msg.setPath(path);
        msg.setCommand(cmd);
        msg.setCommandTimeout(timeoutMs);
        bus.makeTargetServiceIdByResourceUuid(msg, HostConstant.SERVICE_ID, hostUuid);
        bus.send(msg, reply -> {
            if (reply.isSuccess()) {
                completion.success(((KVMHostAsyncHttpCallReply) reply).toResponse(rspClass));
            } else {
                completion.fail(reply.getError());
            }
        });
    }
}
