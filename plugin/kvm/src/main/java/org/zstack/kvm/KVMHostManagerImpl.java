package org.zstack.kvm;

import com.google.gson.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zstack.core.Platform;
import org.zstack.core.cloudbus.CloudBus;
import org.zstack.core.db.DatabaseFacade;
import org.zstack.core.db.Q;
import org.zstack.core.encrypt.EncryptionFacade;
import org.zstack.core.json.JSONObjectUtil;
import org.zstack.core.rest.RESTFacade;
import org.zstack.core.thread.ChainTask;
import org.zstack.core.thread.MessageQueue;
import org.zstack.core.thread.SyncTaskChain;
import org.zstack.core.thread.ThreadFacade;
import org.zstack.header.AbstractService;
import org.zstack.header.cluster.ClusterVO;
import org.zstack.header.core.Completion;
import org.zstack.header.core.ReturnValueCompletion;
import org.zstack.header.errorcode.ErrorCode;
import org.zstack.header.errorcode.OperationFailureException;
import org.zstack.header.host.*;
import org.zstack.header.managementnode.ManagementNodeReadyExtensionPoint;
import org.zstack.header.managementnode.ManagementNodeTakeoverExtensionPoint;
import org.zstack.header.message.Message;
import org.zstack.header.zone.ZoneDeletionExtensionPoint;
import org.zstack.header.message.APIDeleteMessage.DeletionMode;

import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.zstack.core.Platform.argerr;
import static org.zstack.core.Platform.err;
import static org.zstack.core.Platform.operr;

/**
 * The host service: adds KVM hosts (deploy the agent, connect), reconnects, changes state, deletes, runs every
 * agent call of every plugin (KVMHostAsyncHttpCallMsg), and pings the hosts to keep their status.
 */
public class KVMHostManagerImpl extends AbstractService implements ManagementNodeReadyExtensionPoint,
        ManagementNodeTakeoverExtensionPoint, ZoneDeletionExtensionPoint {
    /** A ZStack error code as an agent may answer it ({@code "errorCode":"V2V.1020"}); anything else is ignored. */
    private static final Pattern AGENT_ERROR_CODE = Pattern.compile("[A-Z][A-Z_]*\\.\\d{4}");

    private static final Logger logger = LoggerFactory.getLogger(KVMHostManagerImpl.class);

    @Autowired
    private CloudBus bus;
    @Autowired
    private DatabaseFacade dbf;
    @Autowired
    private ThreadFacade thdf;
    @Autowired
    private MessageQueue queue;
    @Autowired
    private RESTFacade restf;
    @Autowired
    private EncryptionFacade encryption;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private KVMAgentDeployer deployer;
    @Autowired
    private KVMHostConnector connector;

    private volatile ScheduledFuture<?> pingTask;

    @Override
    public String getId() {
        return HostConstant.SERVICE_ID;
    }

    @Override
    public boolean start() {
        KVMGlobalConfig.PING_INTERVAL.installUpdateExtension((o, n) -> schedulePing());
        return true;
    }

    @Override
    public void managementNodeReady() {
        schedulePing();
    }

    /**
     * A host left Connecting by a gone node would stay so forever (the ping skips Connecting hosts, whose connect is
     * under way): claimed with a compare-and-set on its node column, so one live node reconnects it.
     */
    @Override
    public void takeOverFromDeadNodes(java.util.Set<String> alive) {
        String me = bus.getManagementNodeUuid();
        for (HostVO h : Q.New(HostVO.class).eq(HostVO_.status, HostStatus.Connecting)
                .eq(HostVO_.hypervisorType, HostConstant.KVM_HYPERVISOR_TYPE).list()) {
            String owner = h.getManagementNodeUuid();
            if (owner != null && alive.contains(owner)) {
                continue;
            }
            boolean claimed = dbf.transaction(em -> {
                var q = em.createQuery("update HostVO h set h.managementNodeUuid = :me where h.uuid = :uuid and h.status = :connecting and "
                        + (owner == null ? "h.managementNodeUuid is null" : "h.managementNodeUuid = :owner"));
                q.setParameter("me", me);
                q.setParameter("uuid", h.getUuid());
                q.setParameter("connecting", HostStatus.Connecting);
                if (owner != null) {
                    q.setParameter("owner", owner);
                }
                return q.executeUpdate() == 1;
            });
            if (!claimed) {
                continue;
            }
            logger.info("host[uuid:{}, ip:{}] was left Connecting by management node {}, which is gone: reconnecting it",
                    h.getUuid(), h.getManagementIp(), owner);
            inQueue(h.getUuid(), "reconnect-after-takeover", chain -> connector.reconnect(h.getUuid(), new Completion() {
                @Override
                public void success() {
                    chain.next();
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    logger.info("reconnecting host {} left by a gone node failed: {}", h.getUuid(), errorCode.getDetails());
                    chain.next();
                }
            }));
        }
    }

    @Override
    public boolean stop() {
        if (pingTask != null) {
            pingTask.cancel(false);
        }
        return true;
    }

    private synchronized void schedulePing() {
        if (pingTask != null) {
            pingTask.cancel(false);
        }
        long interval = KVMGlobalConfig.PING_INTERVAL.value(Long.class);
        pingTask = thdf.submitPeriodicTask(this::pingAll, interval, TimeUnit.SECONDS);
    }

    @Override
    public void handleMessage(Message msg) {
        if (msg instanceof KVMHostAsyncHttpCallMsg m) {
            handle(m);
        } else if (msg instanceof APIAddKVMHostMsg m) {
            handle(m);
        } else if (msg instanceof HostMessage hm) {
            queue.submit("host-" + hm.getHostUuid(), msg, chain -> handleHostMessage(msg, chain));
        } else {
            bus.dealWithUnknownMessage(msg);
        }
    }

    private void handleHostMessage(Message msg, SyncTaskChain chain) {
        if (msg instanceof APIReconnectHostMsg || msg instanceof APIDeleteHostMsg) {
            // a host of another hypervisor (an ESX host of a vCenter) has no agent here, and belongs to its plugin
            HostVO h = dbf.findByUuid(((HostMessage) msg).getHostUuid(), HostVO.class);
            if (h != null && !HostConstant.KVM_HYPERVISOR_TYPE.equals(h.getHypervisorType())) {
                throw new OperationFailureException(operr("host[uuid:%s, name:%s] is an %s host, managed by its own plugin"
                        + " (an ESX host comes and goes with its vCenter's sync)", h.getUuid(), h.getName(), h.getHypervisorType()));
            }
        }
        if (msg instanceof APIReconnectHostMsg m) {
            connector.reconnect(m.getUuid(), true, new Completion() {
                @Override
                public void success() {
                    APIReconnectHostEvent evt = new APIReconnectHostEvent(m.getId());
                    evt.setInventory(HostInventory.valueOf(dbf.findByUuid(m.getUuid(), HostVO.class)));
                    bus.publish(evt);
                    chain.next();
                }

                @Override
                public void fail(ErrorCode errorCode) {
                    bus.replyErrorByMessageType(m, errorCode);
                    chain.next();
                }
            });
        } else if (msg instanceof APIChangeHostStateMsg m) {
            HostState s = switch (m.getStateEvent()) {
                case "enable" -> HostState.Enabled;
                case "disable" -> HostState.Disabled;
                default -> HostState.Maintenance;
            };
            HostVO vo = dbf.updateById(HostVO.class, m.getUuid(), h -> h.setState(s));
            APIChangeHostStateEvent evt = new APIChangeHostStateEvent(m.getId());
            evt.setInventory(HostInventory.valueOf(vo));
            bus.publish(evt);
            chain.next();
        } else if (msg instanceof APIDeleteHostMsg m) {
            HostVO vo = dbf.findByUuid(m.getUuid(), HostVO.class);
            if (vo != null) {
                deleteHost(HostInventory.valueOf(vo), m.getDeletionMode());
            }
            bus.publish(new APIDeleteHostEvent(m.getId()));
            chain.next();
        } else {
            bus.dealWithUnknownMessage(msg);
            chain.next();
        }
    }

    /** Dependants (a conversion host on it) check first, then remove their records, then the host goes. */
    private void deleteHost(HostInventory host, DeletionMode mode) {
        var extensions = context.getBeansOfType(HostDeletionExtensionPoint.class).values();
        for (HostDeletionExtensionPoint ext : extensions) {
            ext.hostDeletionCheck(host, mode);
        }
        for (HostDeletionExtensionPoint ext : extensions) {
            ext.deleteResourcesOfHost(host);
        }
        dbf.removeByPrimaryKey(host.getUuid(), HostVO.class);
    }

    /** Host work that answers no message (a reconnect after ping), in the same queue as the host's messages. */
    private void inQueue(String hostUuid, String name, java.util.function.Consumer<SyncTaskChain> work) {
        thdf.chainSubmit(new ChainTask() {
            @Override
            public String getSyncSignature() {
                return "host-" + hostUuid;
            }

            @Override
            public void run(SyncTaskChain chain) {
                work.accept(chain);
            }

            @Override
            public String getName() {
                return name + "-" + hostUuid;
            }
        });
    }

    private void handle(APIAddKVMHostMsg msg) {
        ClusterVO cluster = dbf.findByUuid(msg.getClusterUuid(), ClusterVO.class);
        if (!HostConstant.KVM_HYPERVISOR_TYPE.equals(cluster.getHypervisorType())) {
            throw new OperationFailureException(argerr("cluster[uuid:%s] is a %s cluster, not a KVM one",
                    cluster.getUuid(), cluster.getHypervisorType()));
        }
        // unique among KVM hosts (the agent's address); an ESX host's managementIp is only its name in its vCenter
        if (Q.New(HostVO.class).eq(HostVO_.managementIp, msg.getManagementIp())
                .eq(HostVO_.hypervisorType, HostConstant.KVM_HYPERVISOR_TYPE).isExists()) {
            throw new OperationFailureException(argerr("a host with management IP %s already exists", msg.getManagementIp()));
        }
        if (msg.getPassword() == null && msg.getSshPrivateKey() == null && !deployer.isSkipped()) {
            throw new OperationFailureException(argerr("either password or sshPrivateKey is needed to deploy the agent"));
        }
        KVMHostVO vo = new KVMHostVO();
        vo.setUuid(msg.getResourceUuid() != null ? msg.getResourceUuid() : Platform.getUuid());
        vo.setName(msg.getName());
        vo.setDescription(msg.getDescription());
        vo.setManagementIp(msg.getManagementIp());
        vo.setClusterUuid(cluster.getUuid());
        vo.setZoneUuid(cluster.getZoneUuid());
        vo.setHypervisorType(HostConstant.KVM_HYPERVISOR_TYPE);
        vo.setArchitecture(cluster.getArchitecture());
        vo.setState(HostState.Enabled);
        vo.setStatus(HostStatus.Connecting);
        vo.setManagementNodeUuid(bus.getManagementNodeUuid());
        vo.setUsername(msg.getUsername());
        vo.setPassword(encryption.encrypt(msg.getPassword()));
        vo.setSshPrivateKey(encryption.encrypt(msg.getSshPrivateKey()));
        vo.setSshPort(msg.getSshPort() == null ? 22 : msg.getSshPort());
        connector.add(vo, new ReturnValueCompletion<>() {
            @Override
            public void success(HostInventory inv) {
                APIAddHostEvent evt = new APIAddHostEvent(msg.getId());
                evt.setInventory(inv);
                bus.publish(evt);
            }

            @Override
            public void fail(ErrorCode errorCode) {
                bus.replyErrorByMessageType(msg, errorCode);
            }
        });
    }

    private void handle(KVMHostAsyncHttpCallMsg msg) {
        KVMHostAsyncHttpCallReply reply = new KVMHostAsyncHttpCallReply();
        HostVO host = dbf.findByUuid(msg.getHostUuid(), HostVO.class);
        if (host == null) {
            reply.setError(operr("host[uuid:%s] does not exist", msg.getHostUuid()));
            bus.reply(msg, reply);
            return;
        }
        if (!msg.isNoStatusCheck() && host.getStatus() != HostStatus.Connected) {
            reply.setError(operr("host[uuid:%s, name:%s] is %s, not Connected", host.getUuid(), host.getName(), host.getStatus()));
            bus.reply(msg, reply);
            return;
        }
        long timeout = msg.getCommandTimeout() > 0 ? msg.getCommandTimeout()
                : TimeUnit.SECONDS.toMillis(KVMGlobalConfig.AGENT_COMMAND_TIMEOUT.value(Long.class));
        String url = "http://" + host.getManagementIp() + ":" + deployer.agentPort() + msg.getPath();
        restf.asyncJsonPost(host.getUuid(), url, msg.getCommand(), Map.of("X-Resource-UUID", host.getUuid()), timeout,
                new ReturnValueCompletion<>() {
                    @Override
                    public void success(JsonObject rsp) {
                        if (rsp.has("success") && !rsp.get("success").getAsBoolean()) {
                            String err = rsp.has("error") && !rsp.get("error").isJsonNull() ? rsp.get("error").getAsString() : "no reason given";
                            // a refusal the agent coded (a path outside the host's roots) keeps its code for the caller
                            String code = rsp.has("errorCode") && rsp.get("errorCode").isJsonPrimitive()
                                    ? rsp.get("errorCode").getAsString() : null;
                            String fmt = "the agent of host[uuid:%s, ip:%s] failed %s: %s";
                            reply.setError(code != null && AGENT_ERROR_CODE.matcher(code).matches()
                                    ? err(code, null, fmt, host.getUuid(), host.getManagementIp(), msg.getPath(), err)
                                    : operr(fmt, host.getUuid(), host.getManagementIp(), msg.getPath(), err));
                        }
                        reply.setResponse(rsp);
                        bus.reply(msg, reply);
                    }

                    @Override
                    public void fail(ErrorCode errorCode) {
                        reply.setError(errorCode);
                        bus.reply(msg, reply);
                    }
                });
    }

    /** A host that misses a ping is Disconnected; one that answers again, or forgot us (agent restart), reconnects. */
    private void pingAll() {
        for (HostVO h : Q.New(HostVO.class).notEq(HostVO_.status, HostStatus.Connecting)
                .eq(HostVO_.hypervisorType, HostConstant.KVM_HYPERVISOR_TYPE).list()) {
            KVMAgentCommands.PingCmd cmd = new KVMAgentCommands.PingCmd();
            cmd.hostUuid = h.getUuid();
            KVMHostAsyncHttpCallMsg ping = new KVMHostAsyncHttpCallMsg();
            ping.setHostUuid(h.getUuid());
            ping.setPath(KVMConstant.PING_PATH);
            ping.setCommand(cmd);
            ping.setNoStatusCheck(true);
            ping.setCommandTimeout(TimeUnit.SECONDS.toMillis(KVMGlobalConfig.PING_TIMEOUT.value(Long.class)));
            bus.makeLocalServiceId(ping, HostConstant.SERVICE_ID);
            bus.send(ping, reply -> {
                if (!reply.isSuccess()) {
                    logger.debug("ping of host {} failed: {}", h.getUuid(), reply.getError());
                    connector.changeStatus(h.getUuid(), HostStatus.Disconnected);
                    return;
                }
                KVMAgentCommands.PingRsp rsp = ((KVMHostAsyncHttpCallReply) reply).toResponse(KVMAgentCommands.PingRsp.class);
                HostVO now = dbf.findByUuid(h.getUuid(), HostVO.class);
                if (now != null && (now.getStatus() == HostStatus.Disconnected || !h.getUuid().equals(rsp.hostUuid))) {
                    inQueue(h.getUuid(), "reconnect-after-ping", chain -> connector.reconnect(h.getUuid(), new Completion() {
                        @Override
                        public void success() {
                            chain.next();
                        }

                        @Override
                        public void fail(ErrorCode errorCode) {
                            logger.info("reconnecting host {} failed: {}", h.getUuid(), errorCode.getDetails());
                            chain.next();
                        }
                    }));
                }
            });
        }
    }

    @Override
    public void zoneDeletionCheck(String zoneUuid, DeletionMode mode) {
        for (HostVO h : Q.New(HostVO.class).eq(HostVO_.zoneUuid, zoneUuid).list()) {
            for (HostDeletionExtensionPoint ext : context.getBeansOfType(HostDeletionExtensionPoint.class).values()) {
                ext.hostDeletionCheck(HostInventory.valueOf(h), mode);
            }
        }
    }

    @Override
    public void deleteResourcesOfZone(String zoneUuid) {
        for (HostVO h : Q.New(HostVO.class).eq(HostVO_.zoneUuid, zoneUuid).list()) {
            deleteHost(HostInventory.valueOf(h), DeletionMode.Enforcing);
        }
    }

}
