package org.zstack.kvm;

import org.slf4j.Logger;
import org.zstack.core.Platform;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.rest.AgentRequestSigner;
import org.zstack.core.rest.RESTFacade;
import org.zstack.core.asyncbatch.While;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.core.workflow.FlowChainBuilder;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.core.workflow.*;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.host.*;

import java.util.Map;

/**
 * Brings a host to Connected: (deploy the agent) → connect (record its facts) → the plugins' connect extensions.
 * Adding a host that fails on the way leaves nothing behind; a reconnect that fails leaves it Disconnected.
 */
public class KVMHostConnector {
    private static final Logger logger = LoggerFactory.getLogger(KVMHostConnector.class);

    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private RESTFacade restf;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private KVMAgentDeployer deployer;
    @Autowired
    private KVMHostAgentCaller agent;
    @Autowired
    private CloudBus bus;
    @Autowired
    private KVMHostSecrets secrets;
    @Autowired
    private AgentPathRoots roots;

    void add(KVMHostVO vo, ReturnValueCompletion<HostInventory> completion) {
        String uuid = vo.getUuid();
        FlowChain chain = FlowChainBuilder.newSimpleFlowChain().setName("add-kvm-host-" + uuid);
        chain.then(new Flow() {
            String __name__ = "persist-host";

            @Override
            public void run(FlowTrigger trigger, Map data) {
                dbf.persist(vo);
                trigger.next();
            }

            @Override
            public void rollback(FlowRollback trigger, Map data) {
                dbf.removeByPrimaryKey(uuid, HostVO.class);
                trigger.rollback();
            }
        });
        appendConnectFlows(chain, uuid, true);
        chain.done(data -> {
            changeStatus(uuid, HostStatus.Connected);
            completion.success(HostInventory.valueOf(dbf.findByUuid(uuid, HostVO.class)));
        }).error((err, data) -> completion.fail(err)).start();
    }

    /**
     * deploy: run the playbook again (an administrator's ReconnectHost), which also rotates the host's agent secret;
     * a ping-triggered reconnect does not.
     */
    void reconnect(String uuid, boolean deploy, Completion completion) {
        changeStatus(uuid, HostStatus.Connecting);
        FlowChain chain = FlowChainBuilder.newSimpleFlowChain().setName("reconnect-kvm-host-" + uuid);
        appendConnectFlows(chain, uuid, deploy);
        chain.done(data -> {
            changeStatus(uuid, HostStatus.Connected);
            completion.success();
        }).error((err, data) -> {
            changeStatus(uuid, HostStatus.Disconnected);
            completion.fail(err);
        }).start();
    }

    void reconnect(String uuid, Completion completion) {
        reconnect(uuid, false, completion);
    }

    private void appendConnectFlows(FlowChain chain, String uuid, boolean deploy) {
        if (deploy) {
            chain.then(new NoRollbackFlow() {
                String __name__ = "deploy-agent";

                @Override
                public void run(FlowTrigger trigger, Map data) {
                    // ansible takes seconds to minutes: keep it off the bus threads' critical path
                    thdf.submit(() -> {
                        // a new secret at each deployment; stored only once the agent has it, so a failed
                        // deployment leaves the host with the secret its agent still holds
                        String secret = AgentRequestSigner.newSecret();
                        try {
                            ErrorCode err = deployer.deploy(dbf.findByUuid(uuid, KVMHostVO.class), secret);
                            if (err == null) {
                                secrets.store(uuid, secret);
                                trigger.next();
                            } else {
                                trigger.fail(err);
                            }
                        } catch (RuntimeException e) {
                            // off the flow's thread an exception would vanish and leave the host Connecting forever
                            logger.warn("the deployment of host[uuid:{}] failed", uuid, e);
                            trigger.fail(Platform.operr("the deployment of host[uuid:%s] failed: %s", uuid, e.getMessage()));
                        }
                    });
                }
            });
        }
        chain.then(new NoRollbackFlow() {
            String __name__ = "connect-agent";

            @Override
            public void run(FlowTrigger trigger, Map data) {
                KVMAgentCommands.ConnectCmd cmd = new KVMAgentCommands.ConnectCmd();
                cmd.hostUuid = uuid;
                cmd.sendCommandUrl = restf.getSendCommandUrl();
                cmd.allowedRoots = roots.of(uuid);
                agent.callWhileConnecting(uuid, KVMConstant.CONNECT_PATH, cmd, KVMAgentCommands.ConnectRsp.class, new ReturnValueCompletion<>() {
                    @Override
                    public void success(KVMAgentCommands.ConnectRsp rsp) {
                        dbf.transactionVoid(em -> {
                            KVMHostVO h = em.find(KVMHostVO.class, uuid);
                            h.setLibvirtVersion(rsp.libvirtVersion);
                            h.setQemuVersion(rsp.qemuVersion);
                            h.setCpuNum(rsp.cpuNum);
                            h.setCpuModelName(rsp.cpuModelName);
                            h.setTotalMemory(rsp.totalMemory);
                            h.setAvailableMemory(rsp.availableMemory);
                            h.setOsDistribution(rsp.osDistribution);
                            h.setOsVersion(rsp.osVersion);
                        });
                        trigger.next();
                    }

                    @Override
                    public void fail(ErrorCode errorCode) {
                        trigger.fail(errorCode);
                    }
                });
            }
        });
        chain.then(new NoRollbackFlow() {
            String __name__ = "connect-extensions";

            @Override
            public void run(FlowTrigger trigger, Map data) {
                HostInventory inv = HostInventory.valueOf(dbf.findByUuid(uuid, HostVO.class));
                new While<>(context.getBeansOfType(HostConnectExtensionPoint.class).values())
                        .each((ext, next) -> ext.connectionReestablished(inv, next))
                        .run(new Completion() {
                            @Override
                            public void success() {
                                trigger.next();
                            }

                            @Override
                            public void fail(ErrorCode errorCode) {
                                trigger.fail(errorCode);
                            }
                        });
            }
        });
    }

    void changeStatus(String uuid, HostStatus status) {
        HostStatus[] before = new HostStatus[1];
        HostVO vo = dbf.transaction(em -> {
            HostVO h = em.find(HostVO.class, uuid);
            if (h == null) {
                return null;
            }
            before[0] = h.getStatus();
            h.setStatus(status);
            if (status == HostStatus.Connecting) {
                // if this node dies before the connect ends, a live node knows the host is left Connecting
                h.setManagementNodeUuid(bus.getManagementNodeUuid());
            }
            return h;
        });
        if (vo == null || before[0] == status) {
            return;
        }
        logger.info("host[uuid:{}, ip:{}] {} -> {}", uuid, vo.getManagementIp(), before[0], status);
        HostInventory inv = HostInventory.valueOf(vo);
        for (HostStatusChangedExtensionPoint ext : context.getBeansOfType(HostStatusChangedExtensionPoint.class).values()) {
            ext.hostStatusChanged(inv, before[0], status);
        }
    }
}
