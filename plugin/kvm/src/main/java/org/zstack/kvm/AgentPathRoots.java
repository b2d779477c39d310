package org.zstack.kvm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.core.asyncbatch.While;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directories a host's agent may read, write and delete in: the union of every
 * {@link AgentPathRootsExtensionPoint}. The agent refuses any other path (its AllowedRoots), so the node tells it
 * the roots in the connect command and again whenever they change.
 */
public class AgentPathRoots {
    private static final Logger logger = LoggerFactory.getLogger(AgentPathRoots.class);

    @Autowired
    private ApplicationContext context;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private KVMHostAgentCaller agent;

    public List<String> of(String hostUuid) {
        Set<String> roots = new LinkedHashSet<>();
        for (AgentPathRootsExtensionPoint ext : context.getBeansOfType(AgentPathRootsExtensionPoint.class).values()) {
            for (String r : ext.agentPathRootsOf(hostUuid)) {
                if (r != null && !r.isBlank()) {
                    roots.add(r);
                }
            }
        }
        return new ArrayList<>(roots);
    }

    /**
     * Sends the host's roots to its agent. A host that is not Connected gets them with its next connect, so it is
     * skipped; an agent that cannot be reached is logged and not a failure of the change that caused the push.
     * Always completes with success.
     */
    public void push(String hostUuid, Completion completion) {
        HostVO host = dbf.findByUuid(hostUuid, HostVO.class);
        if (host == null || host.getStatus() == HostStatus.Disconnected) {
            completion.success();
            return;
        }
        KVMAgentCommands.RootsCmd cmd = new KVMAgentCommands.RootsCmd();
        cmd.roots = of(hostUuid);
        // a Connecting host may have been sent its connect command before this change: send to it too
        agent.callWhileConnecting(hostUuid, KVMConstant.ROOTS_PATH, cmd, KVMAgentCommands.RootsRsp.class,
                new ReturnValueCompletion<>() {
                    @Override
                    public void success(KVMAgentCommands.RootsRsp rsp) {
                        logger.debug("host {} allows {}", hostUuid, rsp.roots);
                        completion.success();
                    }

                    @Override
                    public void fail(ErrorCode errorCode) {
                        logger.warn("cannot register the storage roots {} on host {} (its next connect will): {}",
                                cmd.roots, hostUuid, errorCode);
                        completion.success();
                    }
                });
    }

    public void push(Collection<String> hostUuids, Completion completion) {
        new While<>(hostUuids).each((uuid, next) -> push(uuid, next)).run(completion);
    }
}
