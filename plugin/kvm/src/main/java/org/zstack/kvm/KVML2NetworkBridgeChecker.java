package org.zstack.kvm;

import org.springframework.beans.factory.annotation.Autowired;
import org.zstack.core.asyncbatch.While;
import org.zstack.core.db.Q;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.host.HostStatus;
import org.zstack.header.host.HostVO;
import org.zstack.header.host.HostVO_;
import org.zstack.header.network.l2.L2NetworkAttachExtensionPoint;
import org.zstack.header.network.l2.L2NetworkInventory;

import static org.zstack.core.Platform.operr;

/**
 * Before an L2 network joins a cluster, every Connected host of the cluster must have its physical interface
 * (or bridge): a VM migrated onto that host could not get its network otherwise.
 */
public class KVML2NetworkBridgeChecker implements L2NetworkAttachExtensionPoint {
    @Autowired
    private KVMHostAgentCaller agent;

    @Override
    public void beforeAttach(L2NetworkInventory l2, String clusterUuid, Completion completion) {
        new While<>(Q.New(HostVO.class).eq(HostVO_.clusterUuid, clusterUuid).eq(HostVO_.status, HostStatus.Connected).list())
                .each((host, next) -> {
                    KVMAgentCommands.BridgeCheckCmd cmd = new KVMAgentCommands.BridgeCheckCmd();
                    cmd.interfaceName = l2.getPhysicalInterface();
                    agent.call(host.getUuid(), KVMConstant.BRIDGE_CHECK_PATH, cmd, KVMAgentCommands.AgentResponse.class,
                            new ReturnValueCompletion<>() {
                                @Override
                                public void success(KVMAgentCommands.AgentResponse rsp) {
                                    next.success();
                                }

                                @Override
                                public void fail(ErrorCode errorCode) {
                                    next.fail(operr(errorCode, "host[uuid:%s, ip:%s] has no interface %s for L2 network[uuid:%s]",
                                            host.getUuid(), host.getManagementIp(), l2.getPhysicalInterface(), l2.getUuid()));
                                }
                            });
                }).run(completion);
    }
}
